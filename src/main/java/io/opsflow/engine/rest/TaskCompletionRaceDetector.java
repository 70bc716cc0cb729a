package io.opsflow.engine.rest;

import io.opsflow.platform.ConcurrentChangeDetector;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Two completions of one task can both read it before either commits; the loser then fails with a
 * plain engine error ("UserTask should not be signalled before complete") instead of an optimistic
 * lock. If the task is gone afterwards, someone else completed it: a conflict, not a server error.
 */
@Component
class TaskCompletionRaceDetector implements ConcurrentChangeDetector {

    /** Flowable's task action and Opsflow's form submission ({@code /api/v1/tasks/{id}/form}). */
    static final Pattern TASK_ACTION = Pattern.compile("^/(?:process-api/runtime/tasks/([^/]+)|api/v1/tasks/([^/]+)/form)/?$");

    private final TaskService taskService;

    TaskCompletionRaceDetector(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public boolean lostARace(HttpServletRequest request, Exception failure) {
        var matcher = TASK_ACTION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return failure instanceof FlowableException
                && "POST".equals(request.getMethod())
                && matcher.matches()
                && taskService.createTaskQuery().taskId(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).count() == 0;
    }
}

package io.opsflow.approval.api;

import io.opsflow.platform.ConcurrentChangeDetector;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Two decisions on one approval task can both read it before either commits; the loser may then fail
 * with a plain engine error instead of an optimistic lock. If the task is gone afterwards, someone
 * else finished it first: 409, not a server error.
 */
@Component
class ApprovalTaskRaceDetector implements ConcurrentChangeDetector {

    private static final Pattern TASK_ACTION = Pattern.compile("^/api/v1/approvals/tasks/([^/]+)/[a-z-]+/?$");

    private final TaskService taskService;

    ApprovalTaskRaceDetector(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public boolean lostARace(HttpServletRequest request, Exception failure) {
        var matcher = TASK_ACTION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return failure instanceof FlowableException && "POST".equals(request.getMethod()) && matcher.matches()
                && taskService.createTaskQuery().taskId(matcher.group(1)).count() == 0;
    }
}

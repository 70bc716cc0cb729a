package io.opsflow.tasklist.task;

import io.opsflow.engine.ProcessAccess;
import io.opsflow.platform.CurrentUser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.flowable.task.api.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The two task lists and single-task lookups. Lists are paged database queries on indexed columns
 * (assignee, identity links, priority, due date); a task the caller may not see is "not found".
 */
@Component
public class TaskFinder {

    public static final int PAGE_SIZE = 20;

    private final TaskService taskService;
    private final ProcessAccess access;
    private final ProcessDefinitionNames definitions;

    TaskFinder(TaskService taskService, ProcessAccess access, ProcessDefinitionNames definitions) {
        this.taskService = taskService;
        this.access = access;
        this.definitions = definitions;
    }

    /** Tasks assigned to the caller. */
    public TaskPage mine(CurrentUser user, TaskFilter filter, int page, int size) {
        return page(taskService.createTaskQuery().taskAssignee(user.id()), filter, page, size);
    }

    /** Unassigned tasks the caller or one of their groups is a candidate for. */
    public TaskPage group(CurrentUser user, TaskFilter filter, int page, int size) {
        TaskQuery query = taskService.createTaskQuery().taskUnassigned();
        if (user.groups().isEmpty()) {
            query.taskCandidateUser(user.id());
        } else {
            query.or().taskCandidateUser(user.id()).taskCandidateGroupIn(user.groups()).endOr();
        }
        return page(query, filter, page, size);
    }

    public TaskSummary summary(CurrentUser user, String taskId) {
        return toSummary(visible(user, taskId));
    }

    Task visible(CurrentUser user, String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || !access.canSeeTask(user, task)) {
            throw new TaskNotFoundException("Task");
        }
        return task;
    }

    private TaskPage page(TaskQuery query, TaskFilter filter, int page, int size) {
        int safePage = Math.max(0, page);
        int safeSize = Math.min(Math.max(1, size), 100);
        if (filter.processKey() != null) {
            query.processDefinitionKey(filter.processKey());
        }
        if (filter.dueBefore() != null) {
            query.taskDueBefore(Date.from(filter.dueBefore().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        }
        if (filter.minPriority() != null) {
            query.taskMinPriority(filter.minPriority());
        }
        long total = query.count();
        var tasks = query.orderByTaskPriority().desc().orderByTaskCreateTime().desc()
                .listPage(safePage * safeSize, safeSize).stream().map(this::toSummary).toList();
        return new TaskPage(tasks, total, safePage, safeSize);
    }

    TaskSummary toSummary(TaskInfo task) {
        var definition = definitions.of(task.getProcessDefinitionId());
        return new TaskSummary(task.getId(), task.getName(), definition.getKey(), ProcessDefinitionNames.displayName(definition),
                task.getProcessInstanceId(), task.getAssignee(), task.getPriority(), instant(task.getDueDate()),
                instant(task.getCreateTime()), task.getFormKey());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

package io.opsflow.tasklist.task;

import io.opsflow.platform.CurrentUser;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Taking a group task for oneself and giving it back. */
@Component
public class TaskClaims {

    private static final Logger log = LoggerFactory.getLogger(TaskClaims.class);

    private final TaskService taskService;
    private final TaskFinder finder;

    TaskClaims(TaskService taskService, TaskFinder finder) {
        this.taskService = taskService;
        this.finder = finder;
    }

    public void claim(CurrentUser user, String taskId) {
        var task = finder.visible(user, taskId);
        if (user.id().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw new TaskConflictException("Someone else has just taken this task.");
        }
        try {
            taskService.claim(taskId, user.id());
        } catch (FlowableTaskAlreadyClaimedException | FlowableOptimisticLockingException e) {
            throw new TaskConflictException("Someone else has just taken this task.");
        }
    }

    public void unclaim(CurrentUser user, String taskId) {
        var task = finder.visible(user, taskId);
        if (!user.id().equals(task.getAssignee()) && !user.isAdmin()) {
            log.info("User {} tried to give back task {} assigned to someone else", user.id(), taskId);
            throw new TaskConflictException("Only the person working on this task can give it back.");
        }
        taskService.unclaim(taskId);
    }
}

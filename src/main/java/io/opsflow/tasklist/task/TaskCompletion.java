package io.opsflow.tasklist.task;

import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.form.FormInput;
import io.opsflow.tasklist.form.FormValidator;
import io.opsflow.tasklist.form.ValidatedForm;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completing a task with its form — the one path for the task page and {@code /api/v1}. Validates;
 * if valid, takes an unassigned task for the caller, stores uploaded files as task attachments and
 * completes the task with the typed variables, all in one transaction.
 */
@Component
public class TaskCompletion {

    private static final Logger log = LoggerFactory.getLogger(TaskCompletion.class);

    private final TaskService taskService;
    private final TaskFinder finder;
    private final TaskForms forms;
    private final FormValidator validator;
    private final TaskAttachments attachments;

    TaskCompletion(TaskService taskService, TaskFinder finder, TaskForms forms, FormValidator validator, TaskAttachments attachments) {
        this.taskService = taskService;
        this.finder = finder;
        this.forms = forms;
        this.validator = validator;
        this.attachments = attachments;
    }

    /** Returns the validation result; the task is completed only when it is valid. */
    @Transactional
    public ValidatedForm complete(CurrentUser user, String taskId, FormInput input) {
        var task = finder.visible(user, taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
            log.info("User {} tried to complete task {} assigned to someone else", user.id(), taskId);
            throw new TaskConflictException("This task is being handled by someone else.");
        }
        var definition = forms.definition(task.getFormKey(), task.getName());
        if (definition.page() != null) {
            throw new TaskConflictException("This task is done on its own page (" + forms.page(user, taskId).orElse(definition.page()) + "), not with this form.");
        }
        var result = validator.validate(definition, input);
        if (!result.valid()) {
            return result;
        }
        try {
            if (task.getAssignee() == null) {
                taskService.claim(taskId, user.id());
            }
            result.files().forEach((fieldId, files) -> files.forEach(file -> attachments.store(user, task, fieldId, file)));
            AuthenticatedAs.run(user.id(), () -> taskService.complete(taskId, result.variables()));
        } catch (FlowableOptimisticLockingException | org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException e) {
            throw new TaskConflictException("Someone else changed this task at the same time. Please reload it.");
        }
        return result;
    }
}

package io.opsflow.tasklist.task;

import io.opsflow.engine.ProcessAccess;
import io.opsflow.platform.CurrentUser;
import io.opsflow.tasklist.form.ContentSniffer;
import io.opsflow.tasklist.form.FileNames;
import io.opsflow.tasklist.form.ValidatedForm.AcceptedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.engine.task.Attachment;
import org.flowable.task.api.TaskInfo;
import org.springframework.stereotype.Component;

/**
 * Files on a task, kept by Flowable's attachment API. Only JPEG, PNG and PDF are taken, recognised by
 * their bytes; the stored type is the sniffed one and the name is stripped of any path.
 */
@Component
public class TaskAttachments {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final TaskService taskService;
    private final HistoryService historyService;
    private final ProcessAccess access;
    private final TaskFinder finder;

    TaskAttachments(TaskService taskService, HistoryService historyService, ProcessAccess access, TaskFinder finder) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.access = access;
        this.finder = finder;
    }

    public List<AttachmentView> list(CurrentUser user, String taskId) {
        visibleHistoric(user, taskId);
        return taskService.getTaskAttachments(taskId).stream().map(TaskAttachments::toView).toList();
    }

    /** Every file of a process instance (photos from earlier tasks matter to whoever reviews them). */
    public List<AttachmentView> forInstance(CurrentUser user, String processInstanceId) {
        visibleInstance(user, processInstanceId);
        return taskService.getProcessInstanceAttachments(processInstanceId).stream().map(TaskAttachments::toView).toList();
    }

    public AttachmentContent instanceContent(CurrentUser user, String processInstanceId, String attachmentId) {
        visibleInstance(user, processInstanceId);
        Attachment attachment = taskService.getAttachment(attachmentId);
        if (attachment == null || !processInstanceId.equals(attachment.getProcessInstanceId())) {
            throw new TaskNotFoundException("Attachment");
        }
        return read(attachment);
    }

    private void visibleInstance(CurrentUser user, String processInstanceId) {
        if (!access.canSeeProcessInstance(user, processInstanceId)) {
            throw new TaskNotFoundException("Process instance");
        }
    }

    private static AttachmentView toView(Attachment a) {
        return new AttachmentView(a.getId(), a.getTaskId(), a.getName(), a.getType(), a.getUserId(),
                a.getTime() == null ? null : a.getTime().toInstant());
    }

    /** A file added on the task page, outside the form. */
    public void upload(CurrentUser user, String taskId, String originalName, byte[] content) {
        var task = finder.visible(user, taskId);
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new IllegalArgumentException("Files must be between 1 byte and 10 MB.");
        }
        String type = ContentSniffer.contentType(content)
                .orElseThrow(() -> new IllegalArgumentException("Only JPEG, PNG and PDF files can be attached."));
        store(user, task, "", new AcceptedFile(FileNames.safe(originalName), type, content));
    }

    void store(CurrentUser user, TaskInfo task, String description, AcceptedFile file) {
        AuthenticatedAs.run(user.id(), () -> taskService.createAttachment(file.contentType(), task.getId(),
                task.getProcessInstanceId(), file.name(), description, new ByteArrayInputStream(file.content())));
    }

    public AttachmentContent content(CurrentUser user, String taskId, String attachmentId) {
        visibleHistoric(user, taskId);
        Attachment attachment = taskService.getAttachment(attachmentId);
        if (attachment == null || !taskId.equals(attachment.getTaskId())) {
            throw new TaskNotFoundException("Attachment");
        }
        return read(attachment);
    }

    private AttachmentContent read(Attachment attachment) {
        try (InputStream in = taskService.getAttachmentContent(attachment.getId())) {
            byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
            return new AttachmentContent(FileNames.safe(attachment.getName()), attachment.getType(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void visibleHistoric(CurrentUser user, String taskId) {
        var task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null || !access.canSeeHistoricTask(user, task)) {
            throw new TaskNotFoundException("Task");
        }
    }
}

package io.opsflow.tasklist.task;

import io.opsflow.platform.CurrentUser;
import java.util.Comparator;
import java.util.List;
import org.flowable.engine.TaskService;
import org.flowable.engine.task.Comment;
import org.springframework.stereotype.Component;

/** Comments on a task, via Flowable's comment API (so they also show on the process history). */
@Component
public class TaskComments {

    static final int MAX_LENGTH = 4000;

    private final TaskService taskService;
    private final TaskFinder finder;

    TaskComments(TaskService taskService, TaskFinder finder) {
        this.taskService = taskService;
        this.finder = finder;
    }

    public List<CommentView> list(CurrentUser user, String taskId) {
        finder.visible(user, taskId);
        return toViews(taskService.getTaskComments(taskId));
    }

    public void add(CurrentUser user, String taskId, String message) {
        var task = finder.visible(user, taskId);
        String text = message == null ? "" : message.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A comment needs 1 to " + MAX_LENGTH + " characters.");
        }
        AuthenticatedAs.run(user.id(), () -> taskService.addComment(taskId, task.getProcessInstanceId(), text));
    }

    static List<CommentView> toViews(List<Comment> comments) {
        return comments.stream()
                .map(c -> new CommentView(c.getUserId(), c.getTime().toInstant(), c.getFullMessage()))
                .sorted(Comparator.comparing(CommentView::time))
                .toList();
    }
}

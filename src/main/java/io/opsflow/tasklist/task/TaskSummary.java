package io.opsflow.tasklist.task;

import java.time.Instant;

/** A task as lists, the task page and {@code /api/v1} show it; no Flowable types leave this package. */
public record TaskSummary(
        String id,
        String name,
        String processKey,
        String processName,
        String processInstanceId,
        String assignee,
        int priority,
        Instant due,
        Instant created,
        String formKey) {

    public String dueText() {
        return Times.text(due);
    }

    public String createdText() {
        return Times.text(created);
    }
}

package io.opsflow.tasklist.task;

import java.time.Instant;

/** An attachment as listed on a page. */
public record AttachmentView(String id, String taskId, String name, String contentType, String userId, Instant time) {

    public String timeText() {
        return Times.text(time);
    }
}

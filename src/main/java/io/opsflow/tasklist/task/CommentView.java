package io.opsflow.tasklist.task;

import java.time.Instant;

/** A comment by a person, shown literally. */
public record CommentView(String userId, Instant time, String message) {

    public String timeText() {
        return Times.text(time);
    }
}

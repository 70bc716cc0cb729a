package io.opsflow.workorder.work;

import java.time.Instant;

/** How far the assignee is: when and by whom the work was started, and the notes of the last submission. */
public record WorkProgress(Instant startedAt, String startedBy, String notes) {

    public boolean started() {
        return startedAt != null;
    }
}

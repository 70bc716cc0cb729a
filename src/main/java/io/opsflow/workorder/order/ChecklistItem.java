package io.opsflow.workorder.order;

import java.time.Instant;

/** One step of a work order's checklist, e.g. 勘察现场, whether it is done, and who ticked it when. */
public record ChecklistItem(int position, String text, boolean done, String doneBy, Instant doneAt) {

    public ChecklistItem(int position, String text, boolean done) {
        this(position, text, done, null, null);
    }
}

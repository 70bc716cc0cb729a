package io.opsflow.workorder.api;

import java.time.Instant;

/** Request bodies of {@code /api/v1/work-orders}. */
final class WorkOrderRequests {

    private WorkOrderRequests() {}

    /** An emergency work order from a template; title defaults to the template's name, priority to 50. */
    record Create(String templateCode, String title, String location, Integer priority, Instant dueAt) {}

    record Reassign(String assignee, String reason) {}

    /** outcome is accepted or rejected. */
    record Decision(String outcome, String comment) {}
}

package io.opsflow.workorder.order;

import java.time.Instant;
import java.util.List;

/** A work order as stored in {@code app_wo_work_order}; {@code explanation} is the assignment JSON. */
public record WorkOrder(
        String id,
        String number,
        String title,
        String templateCode,
        String location,
        List<String> skills,
        int priority,
        Instant dueAt,
        WorkOrderStatus status,
        String assignee,
        int reworkCount,
        int escalationLevel,
        String explanation,
        String processInstanceId,
        String createdBy,
        Instant createdAt,
        Instant submittedAt,
        Instant archivedAt) {

    public boolean isOpenFor(String userId) {
        return userId != null && userId.equals(assignee);
    }
}

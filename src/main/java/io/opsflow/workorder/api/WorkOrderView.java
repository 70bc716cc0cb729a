package io.opsflow.workorder.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.workorder.order.AuditEntry;
import io.opsflow.workorder.order.ChecklistItem;
import io.opsflow.workorder.order.WorkOrder;
import java.time.Instant;
import java.util.List;

/** A work order as {@code /api/v1/work-orders} shows it; the explanation is the stored JSON, parsed. */
record WorkOrderView(
        String id, String number, String title, String templateCode, String location, List<String> skills, int priority,
        Instant dueAt, String status, String assignee, int reworkCount, int escalationLevel, String processInstanceId,
        Instant createdAt, Instant submittedAt, Instant archivedAt, List<ChecklistItem> checklist, JsonNode explanation,
        List<AuditEntry> assignmentHistory) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static WorkOrderView of(WorkOrder o, List<ChecklistItem> checklist, List<AuditEntry> history) {
        return new WorkOrderView(o.id(), o.number(), o.title(), o.templateCode(), o.location(), o.skills(), o.priority(), o.dueAt(),
                o.status().name(), o.assignee(), o.reworkCount(), o.escalationLevel(), o.processInstanceId(), o.createdAt(),
                o.submittedAt(), o.archivedAt(), checklist, parse(o.explanation()), history);
    }

    /** The list form: without checklist, explanation and history. */
    static WorkOrderView summary(WorkOrder o) {
        return new WorkOrderView(o.id(), o.number(), o.title(), o.templateCode(), o.location(), o.skills(), o.priority(), o.dueAt(),
                o.status().name(), o.assignee(), o.reworkCount(), o.escalationLevel(), o.processInstanceId(), o.createdAt(),
                o.submittedAt(), o.archivedAt(), null, null, null);
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("stored explanation is not JSON", e);
        }
    }
}

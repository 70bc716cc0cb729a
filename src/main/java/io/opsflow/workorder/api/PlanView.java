package io.opsflow.workorder.api;

import io.opsflow.workorder.plan.PlanAuditEntry;
import io.opsflow.workorder.plan.RecurringPlan;
import java.time.Instant;
import java.util.List;

/**
 * A recurring plan as {@code /api/v1/work-order-plans} shows it; times of day and dates are in the plan's
 * zone. {@code nextDueAt} is when the sweep fires it next; {@code fireError} (with {@code fireRetryAt})
 * is set while its last firing failed: when, when it is tried again, and a server-log reference.
 */
record PlanView(
        String id, String title, String templateCode, List<String> skills, List<String> checklist, List<String> locations,
        Integer cycleDays, String cron, String timeOfDay, String startDate, String endDate, String zone, String dueAfter, int priority,
        String status, int version, String cycle, Instant nextDueAt, List<Instant> nextDueTimes, String fireError, Instant fireRetryAt,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, List<PlanAuditEntry> history) {

    static PlanView of(RecurringPlan p, List<Instant> nextDueTimes, List<PlanAuditEntry> history) {
        return new PlanView(p.id(), p.title(), p.templateCode(), p.skills(), p.checklist(), p.locations(), p.cycleDays(), p.cron(),
                p.cron() == null ? p.timeOfDay().toString() : null, p.startDate().toString(),
                p.endDate() == null ? null : p.endDate().toString(), p.zone().getId(), p.dueAfter().toString(), p.priority(),
                p.status().name(), p.version(), p.cycleText(), p.nextDueAt(), nextDueTimes, p.fireError(), p.fireRetryAt(), p.createdBy(),
                p.createdAt(), p.updatedBy(), p.updatedAt(), history);
    }
}

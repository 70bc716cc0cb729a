package io.opsflow.workorder.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A recurring work-order plan as stored in {@code app_wo_plan}; {@code version} guards concurrent edits.
 * {@code nextDueAt} is when the sweep fires it next (null when paused or ended); {@code fireError} and
 * {@code fireRetryAt} say why its last firing failed and when the sweep tries again (decision 76).
 */
public record RecurringPlan(
        String id,
        String title,
        String templateCode,
        List<String> skills,
        List<String> checklist,
        List<String> locations,
        Integer cycleDays,
        String cron,
        LocalTime timeOfDay,
        LocalDate startDate,
        LocalDate endDate,
        ZoneId zone,
        Duration dueAfter,
        int priority,
        PlanStatus status,
        int version,
        Instant nextDueAt,
        String fireError,
        Instant fireRetryAt,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {

    public PlanSchedule schedule() {
        return PlanSchedule.of(cycleDays, cron, timeOfDay, startDate, endDate, zone);
    }

    /** "every 7 days at 00:00" or "cron 0 0 8 ? * MON", in the plan's zone. */
    public String cycleText() {
        String zoneText = " (" + zone.getId() + ")";
        if (cron != null) {
            return "cron " + cron + zoneText;
        }
        return (cycleDays == 1 ? "every day" : "every " + cycleDays + " days") + " at " + timeOfDay + zoneText;
    }
}

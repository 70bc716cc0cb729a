package io.opsflow.workorder.api;

import io.opsflow.workorder.plan.PlanDraft;
import java.util.List;

/** Request bodies of {@code /api/v1/work-order-plans}. */
final class PlanRequests {

    private PlanRequests() {}

    /**
     * A plan: exactly one of cycleDays and cron (Quartz, seconds first); timeOfDay HH:mm for day cycles
     * (default 00:00); dates yyyy-MM-dd; zone an IANA id (default from opsflow.workorder.plans.zone);
     * dueAfter an ISO-8601 duration (default PT8H); priority 0-100 (default 50). On edits, version is
     * the one read (409 when the plan changed since).
     */
    record Plan(String title, String templateCode, List<String> skills, List<String> checklist, List<String> locations,
            Integer cycleDays, String cron, String timeOfDay, String startDate, String endDate, String zone, String dueAfter,
            Integer priority, Integer version) {

        PlanDraft draft() {
            return new PlanDraft(title, templateCode, skills, checklist, locations, cycleDays, cron, timeOfDay, startDate, endDate, zone,
                    dueAfter, priority);
        }
    }

    /** Pause, resume, end: the version read is optional; when sent, a stale one is a 409. */
    record StatusChange(Integer version) {}
}

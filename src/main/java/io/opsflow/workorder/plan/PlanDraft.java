package io.opsflow.workorder.plan;

import java.util.List;

/**
 * What a person sends to create or edit a plan, as text where a person types it: dates
 * {@code yyyy-MM-dd}, time of day {@code HH:mm}, an IANA zone id, an ISO-8601 duration for
 * dueAfter (e.g. PT8H). Exactly one of cycleDays and cron. {@link PlanRules} checks it.
 */
public record PlanDraft(
        String title,
        String templateCode,
        List<String> skills,
        List<String> checklist,
        List<String> locations,
        Integer cycleDays,
        String cron,
        String timeOfDay,
        String startDate,
        String endDate,
        String zone,
        String dueAfter,
        Integer priority) {}

package io.opsflow.workorder.plan;

import java.time.Instant;

/** Who changed a plan (CREATED, EDITED, PAUSED, RESUMED, ENDED), when, and what. */
public record PlanAuditEntry(String action, String changedBy, Instant changedAt, String detail) {}

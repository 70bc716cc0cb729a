package io.opsflow.workorder.plan;

import java.time.Instant;

/** A cycle a plan reached: GENERATED (its orders exist) or SKIPPED (missed while the platform was down). */
public record PlanCycle(Instant cycleAt, String outcome, Instant recordedAt) {

    public static final String GENERATED = "GENERATED";
    public static final String SKIPPED = "SKIPPED";
}

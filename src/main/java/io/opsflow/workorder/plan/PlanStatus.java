package io.opsflow.workorder.plan;

/** ACTIVE plans generate work orders; PAUSED ones wait for a resume; ENDED ones never generate again. */
public enum PlanStatus {
    ACTIVE,
    PAUSED,
    ENDED
}

package io.opsflow.workorder.plan;

import java.time.Instant;

/** One work order a plan generated: for which cycle and location, and its current state. */
public record PlanOrder(Instant cycleAt, String location, String workOrderId, String number, String status, String assignee,
        Instant dueAt) {}

package io.opsflow.workorder.plan;

import io.opsflow.workorder.order.WorkOrderConflict;

/** The plan changed since the caller read it (version), or is in a state that refuses the change: 409. */
public class PlanConflict extends WorkOrderConflict {

    public PlanConflict(String message) {
        super(message);
    }
}

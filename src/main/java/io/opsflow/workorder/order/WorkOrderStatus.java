package io.opsflow.workorder.order;

/** Where a work order is; {@link #ARCHIVED} orders are read-only. */
public enum WorkOrderStatus {
    /** Recorded, the process has not assigned it yet. */
    NEW,
    /** Nobody active has the skills: waiting in the supervisors' manual dispatch task. */
    WAITING_DISPATCH,
    /** Someone is doing it (also after a rejected submission: rework). */
    ASSIGNED,
    /** Done and waiting for acceptance. */
    SUBMITTED,
    /** Accepted; the record no longer changes. */
    ARCHIVED
}

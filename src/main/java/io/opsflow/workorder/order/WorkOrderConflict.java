package io.opsflow.workorder.order;

/** The work order is not in a state that allows this (archived, already accepted, raced): 409. */
public class WorkOrderConflict extends RuntimeException {

    public WorkOrderConflict(String message) {
        super(message);
    }
}

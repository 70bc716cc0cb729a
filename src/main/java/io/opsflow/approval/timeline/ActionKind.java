package io.opsflow.approval.timeline;

/** What happened on an approval; one row of the action log each. */
public enum ActionKind {
    STARTED,
    RESUBMITTED,
    APPROVED,
    REJECTED,
    RETURNED,
    TRANSFERRED,
    DELEGATED,
    DELEGATION_RESOLVED,
    APPROVERS_ADDED,
    APPROVER_REMOVED,
    CC,
    WITHDRAWN,
    CANCELLED,
    URGED,
    TASK_CREATED,
    AUTO_COMPLETED,
    FINISHED;

    /** Actions that complete or move someone's work: after one of these by someone else, a withdraw is too late. */
    public boolean movesTheApproval() {
        return switch (this) {
            case APPROVED, REJECTED, RETURNED, AUTO_COMPLETED, RESUBMITTED, WITHDRAWN, CANCELLED, FINISHED -> true;
            default -> false;
        };
    }
}

package io.opsflow.approval.run;

/** The operation is not possible in the approval's current state (409); nothing was changed. */
public class ApprovalConflict extends RuntimeException {

    public ApprovalConflict(String message) {
        super(message);
    }
}

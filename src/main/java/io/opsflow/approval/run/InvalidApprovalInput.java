package io.opsflow.approval.run;

/** Bad input: a missing comment where the node needs one, an unknown user, a bad form value (400). */
public class InvalidApprovalInput extends RuntimeException {

    public InvalidApprovalInput(String message) {
        super(message);
    }
}

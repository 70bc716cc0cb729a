package io.opsflow.approval.run;

/** No such approval or task, or the caller may not see it (404). */
public class UnknownApproval extends RuntimeException {

    public UnknownApproval(String message) {
        super(message);
    }
}

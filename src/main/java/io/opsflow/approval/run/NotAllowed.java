package io.opsflow.approval.run;

/** The caller sees the approval but may not do this to it, e.g. act on someone else's task (403). */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String message) {
        super(message);
    }
}

package io.opsflow.workorder.order;

/** Input a person has to correct (unknown template or skill, missing location, inactive assignee): 400. */
public class InvalidWorkOrderInput extends RuntimeException {

    public InvalidWorkOrderInput(String message) {
        super(message);
    }
}

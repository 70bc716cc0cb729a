package io.opsflow.design.model;

/** No such model or version (answered 404). */
public class UnknownModelException extends RuntimeException {

    public UnknownModelException() {
        super("The model does not exist.");
    }
}

package io.opsflow.approval.definition;

/** No approval definition (or version) with that code (404). */
public class UnknownDefinitionException extends RuntimeException {

    public UnknownDefinitionException(String code) {
        super("No approval definition '" + code + "'.");
    }
}

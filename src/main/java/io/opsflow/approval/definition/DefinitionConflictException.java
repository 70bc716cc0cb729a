package io.opsflow.approval.definition;

/** The model was changed by someone else since it was loaded, or the code is taken (409). */
public class DefinitionConflictException extends RuntimeException {

    public DefinitionConflictException(String message) {
        super(message);
    }
}

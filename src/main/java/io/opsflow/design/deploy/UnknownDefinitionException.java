package io.opsflow.design.deploy;

/** No deployed process definition with that key (or not that version of it). */
public class UnknownDefinitionException extends RuntimeException {

    public UnknownDefinitionException(String key) {
        super("no deployed definition " + key);
    }
}

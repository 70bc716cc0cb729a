package io.opsflow.approval.model;

import java.util.List;

/** A simple model that cannot be saved or published; the problems name the node and the setting (400). */
public class InvalidModelException extends RuntimeException {

    private final List<String> problems;

    public InvalidModelException(String problem) {
        this(List.of(problem));
    }

    public InvalidModelException(List<String> problems) {
        super("Invalid approval model: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

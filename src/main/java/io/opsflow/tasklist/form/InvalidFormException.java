package io.opsflow.tasklist.form;

import java.util.Map;

/** A form definition a designer sent that cannot be used; {@code problems} maps a place such as {@code fields[2].pattern} to a message. */
public class InvalidFormException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidFormException(Map<String, String> problems) {
        super("The form is not valid: " + String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}

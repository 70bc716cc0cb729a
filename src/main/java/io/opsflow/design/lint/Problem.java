package io.opsflow.design.lint;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One finding on a model: the element it concerns (null for the whole file), the rule that found it,
 * a message a designer can act on and its severity ({@code error} blocks a deploy, {@code warning} not).
 */
public record Problem(String elementId, String rule, String message, String severity) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";

    public static Problem error(String elementId, String rule, String message) {
        return new Problem(elementId, rule, message, ERROR);
    }

    public static Problem warning(String elementId, String rule, String message) {
        return new Problem(elementId, rule, message, WARNING);
    }

    @JsonIgnore
    public boolean isError() {
        return ERROR.equals(severity);
    }
}

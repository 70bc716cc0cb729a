package io.opsflow.tasklist.web;

import java.util.List;

/** What a template needs to draw one form field; values are plain text, printed with th:text/th:value. */
public record FieldView(
        String id,
        String label,
        String type,
        boolean required,
        boolean readOnly,
        String value,
        String error,
        List<Choice> choices,
        String accept,
        boolean multiple,
        String min,
        String max,
        String step,
        Integer maxLength,
        String pattern,
        boolean half,
        String section,
        String visibleField,
        String visibleEquals,
        boolean hidden) {

    public record Choice(String value, String label) {}

    public boolean checked() {
        return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
    }

    public boolean hasError() {
        return error != null;
    }
}

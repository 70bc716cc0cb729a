package io.opsflow.tasklist.web;

import java.util.List;

/** What a template needs to draw one form field; values are plain text, printed with th:text/th:value. */
record FieldView(
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
        Integer maxLength) {

    record Choice(String value, String label) {}

    boolean checked() {
        return "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
    }

    boolean hasError() {
        return error != null;
    }
}

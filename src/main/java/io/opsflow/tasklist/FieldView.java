package io.opsflow.tasklist;

import java.util.List;

/**
 * What the shared form fragment ({@code templates/fragments/form.html}) needs to draw one form field; the
 * task list draws its forms with it and other modules (the approval start form) may too. Values are plain
 * text, printed with th:text/th:value.
 */
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

package io.opsflow.approval.web.run;

import io.opsflow.approval.model.FormFieldSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One field of the web start form, with the properties the shared form fragment
 * ({@code templates/fragments/form.html}, which the task list draws its forms with) reads; values are
 * plain text printed with th:value/th:text.
 */
public record StartField(
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

    /** The fields to draw: what was entered (else the field's default) and the problem found, per field id. */
    static List<StartField> of(List<FormFieldSpec> fields, Map<String, String> entered, Map<String, String> errors) {
        String[] lastGroup = {null};
        return fields.stream().map(f -> {
            String value = entered.containsKey(f.id()) ? entered.get(f.id()) : f.defaultValue();
            String section = f.group() != null && !f.group().equals(lastGroup[0]) ? f.group() : null;
            lastGroup[0] = f.group();
            List<Choice> choices = f.options() == null ? List.of()
                    : f.options().stream().map(o -> new Choice(o.value(), o.label() == null ? o.value() : o.label())).toList();
            String type = f.type() == null ? "text" : f.type();
            return new StartField(f.id(), f.label() == null || f.label().isBlank() ? f.id() : f.label(), type,
                    Boolean.TRUE.equals(f.required()), Boolean.TRUE.equals(f.readOnly()), value, errors.get(f.id()), choices, null, false,
                    plain(f.min()), plain(f.max()), plain(f.step()), f.maxLength(), null, false, section, null, null, false);
        }).toList();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}

package io.opsflow.approval.web.run;

import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.tasklist.FieldView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The web start form's fields as the task list's shared form fragment draws them
 * ({@code templates/fragments/form.html}, through the task list's public {@code FieldView}).
 */
final class StartFields {

    private StartFields() {}

    /** The fields to draw: what was entered (else the field's default) and the problem found, per field id. */
    static List<FieldView> of(List<FormFieldSpec> fields, Map<String, String> entered, Map<String, String> errors) {
        return of(fields, entered, errors, "");
    }

    /** As {@link #of(List, Map, Map)}, each input named {@code prefix + id} (the resubmit form's {@code form.<id>}). */
    static List<FieldView> of(List<FormFieldSpec> fields, Map<String, String> entered, Map<String, String> errors, String prefix) {
        String[] lastGroup = {null};
        return fields.stream().map(f -> {
            String value = entered.containsKey(f.id()) ? entered.get(f.id()) : f.defaultValue();
            String section = f.group() != null && !f.group().equals(lastGroup[0]) ? f.group() : null;
            lastGroup[0] = f.group();
            List<FieldView.Choice> choices = f.options() == null ? List.of()
                    : f.options().stream().map(o -> new FieldView.Choice(o.value(), o.label() == null ? o.value() : o.label())).toList();
            String type = f.type() == null ? "text" : f.type();
            return new FieldView(prefix + f.id(), f.label() == null || f.label().isBlank() ? f.id() : f.label(), type,
                    Boolean.TRUE.equals(f.required()), Boolean.TRUE.equals(f.readOnly()), value, errors.get(f.id()), choices, null, false,
                    plain(f.min()), plain(f.max()), plain(f.step()), f.maxLength(), null, false, section, null, null, false);
        }).toList();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}

package io.opsflow.approval.web.run;

import io.opsflow.approval.model.ApprovalForm;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.StartFormValues;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The starter's resubmit form on the approval page: the fields of the form the approval runs, named
 * {@code form.<field>} (so a field called {@code comment} cannot clash with the page's own parameters).
 */
final class ResubmitFields {

    static final String PREFIX = "form.";

    private ResubmitFields() {}

    /** The approval's values as the inputs show them: every field the form shows, blank when it has no value. */
    static Map<String, String> current(ApprovalForm form, Map<String, Object> values) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (FormFieldSpec field : StartFormValues.shown(form)) {
            Object value = values.get(field.id());
            shown.put(field.id(), value == null ? ""
                    : value instanceof Double number ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
                    : String.valueOf(value));
        }
        return shown;
    }

    /**
     * The values the page sent, by field id. A browser sends no unticked checkbox: a checkbox the page showed and did
     * not send is false, not "left out" (which would keep a tick the starter just removed).
     */
    static Map<String, String> sent(Map<String, String> params, ApprovalForm form) {
        Map<String, String> sent = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                sent.put(name.substring(PREFIX.length()), value);
            }
        });
        if (form != null) {
            StartFormValues.shown(form).stream()
                    .filter(f -> "checkbox".equals(f.type()) && !Boolean.TRUE.equals(f.readOnly()))
                    .forEach(f -> sent.putIfAbsent(f.id(), "false"));
        }
        return sent;
    }

    /** Problems of names the page has no field for (only a hand-made request sends them), for the page's warning. */
    static String notShown(Map<String, String> errors, ApprovalForm form) {
        Set<String> fields = form == null ? Set.of()
                : StartFormValues.shown(form).stream().map(FormFieldSpec::id).collect(Collectors.toSet());
        return errors.entrySet().stream().filter(e -> !fields.contains(e.getKey()))
                .map(e -> " " + e.getValue())
                .collect(Collectors.joining());
    }
}

package io.opsflow.tasklist.api;

import io.opsflow.tasklist.form.FormInput;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A JSON object of field id → value (string, number, boolean or list) as validator input, all as text. */
final class JsonFormInput {

    private JsonFormInput() {}

    static FormInput from(Map<String, Object> body) {
        Map<String, List<String>> values = new HashMap<>();
        if (body != null) {
            body.forEach((field, value) -> values.put(field, texts(value)));
        }
        return FormInput.of(values);
    }

    private static List<String> texts(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(v -> v == null ? "" : text(v)).toList();
        }
        return List.of(text(value));
    }

    private static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new java.math.BigDecimal(value.toString()).toPlainString();
        }
        return value.toString();
    }
}

package io.opsflow.tasklist.form;

import java.util.List;
import java.util.Optional;

/**
 * A form from {@code forms/<key>.json}: the fields a task or start event asks for. {@code page}, when
 * set, is the feature's own page where the task is done (a path such as {@code /work-orders/{workOrderId}}
 * with process variables in braces): the task page links there instead of offering the form.
 */
public record FormDefinition(String key, String title, List<FormField> fields, String page) {

    public FormDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public FormDefinition(String key, String title, List<FormField> fields) {
        this(key, title, fields, null);
    }

    public Optional<FormField> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public boolean hasFileFields() {
        return fields.stream().anyMatch(f -> f.type() == FieldType.FILE && !f.readOnly());
    }
}

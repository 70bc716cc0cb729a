package io.opsflow.tasklist.form;

import java.util.List;
import java.util.Optional;

/** A form from {@code forms/<key>.json}: the fields a task or start event asks for. */
public record FormDefinition(String key, String title, List<FormField> fields) {

    public FormDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FormField> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public boolean hasFileFields() {
        return fields.stream().anyMatch(f -> f.type() == FieldType.FILE && !f.readOnly());
    }
}

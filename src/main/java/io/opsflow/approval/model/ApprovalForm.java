package io.opsflow.approval.model;

import java.util.List;
import java.util.Optional;

/** The approval's form: fields in the task list's JSON form format (docs/forms.md). */
public record ApprovalForm(List<FormFieldSpec> fields) {

    public ApprovalForm {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Optional<FormFieldSpec> field(String id) {
        return fields.stream().filter(f -> f.id() != null && f.id().equals(id)).findFirst();
    }
}

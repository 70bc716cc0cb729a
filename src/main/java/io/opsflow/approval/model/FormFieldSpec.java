package io.opsflow.approval.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** One form field, with exactly the attributes of the task list's form files (docs/forms.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormFieldSpec(
        String id,
        String label,
        String type,
        Boolean required,
        Boolean readOnly,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        BigDecimal step,
        @JsonProperty("default") String defaultValue,
        List<Option> options,
        String group,
        List<String> accept,
        Integer maxFiles,
        Integer maxSizeMb) {

    public static final Set<String> TYPES = Set.of("text", "textarea", "number", "date", "select", "checkbox", "user", "file");

    public record Option(String value, String label) {}

    public static FormFieldSpec of(String id, String label, String type) {
        return new FormFieldSpec(id, label, type, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public FormFieldSpec withOptions(List<Option> newOptions) {
        return new FormFieldSpec(id, label, type, required, readOnly, maxLength, min, max, step, defaultValue, newOptions,
                group, accept, maxFiles, maxSizeMb);
    }

    public FormFieldSpec asRequired() {
        return new FormFieldSpec(id, label, type, true, readOnly, maxLength, min, max, step, defaultValue, options, group,
                accept, maxFiles, maxSizeMb);
    }
}

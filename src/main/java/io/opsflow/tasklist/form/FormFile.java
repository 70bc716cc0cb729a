package io.opsflow.tasklist.form;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The JSON shape of a form file; {@code default} is a Java keyword, hence this mapping record. */
record FormFile(String key, String title, List<Field> fields, String page) {

    record Field(
            String id,
            String label,
            FieldType type,
            boolean required,
            boolean readOnly,
            Integer maxLength,
            BigDecimal min,
            BigDecimal max,
            BigDecimal step,
            @JsonProperty("default") String defaultValue,
            List<FormField.Option> options,
            String group,
            List<String> accept,
            Integer maxFiles,
            Integer maxSizeMb,
            String pattern,
            String width,
            String section,
            FormField.VisibleWhen visibleWhen) {

        FormField toField() {
            return new FormField(id, label, type, required, readOnly, maxLength, min, max, step, defaultValue, options,
                    group, accept, maxFiles, maxSizeMb, pattern, width, section, visibleWhen);
        }
    }

    FormDefinition toDefinition(String fileKey) {
        if (key != null && !key.equals(fileKey)) {
            throw new IllegalArgumentException("its key '" + key + "' differs from the file name");
        }
        if (page != null && !FormPages.isLocalPath(page)) {
            throw new IllegalArgumentException("its page '" + page + "' is not a path on this site (it must start with one /)");
        }
        return new FormDefinition(fileKey, title == null ? fileKey : title,
                fields == null ? List.of() : fields.stream().map(Field::toField).toList(), page);
    }
}

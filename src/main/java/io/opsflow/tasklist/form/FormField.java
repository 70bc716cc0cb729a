package io.opsflow.tasklist.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** One field of a form, as written in {@code forms/*.json}; see docs/forms.md. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormField(
        String id,
        String label,
        FieldType type,
        boolean required,
        boolean readOnly,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        BigDecimal step,
        @com.fasterxml.jackson.annotation.JsonProperty("default") String defaultValue,
        List<Option> options,
        String group,
        List<String> accept,
        Integer maxFiles,
        Integer maxSizeMb,
        String pattern,
        String width,
        String section,
        VisibleWhen visibleWhen) {

    public static final List<String> DEFAULT_ACCEPT = List.of("image/jpeg", "image/png", "application/pdf");
    public static final int DEFAULT_MAX_LENGTH = 10_000;
    public static final int DEFAULT_MAX_SIZE_MB = 10;

    public record Option(String value, String label) {}

    /** The field is shown (and checked) only while the earlier field {@code field} has the value {@code equals}. */
    public record VisibleWhen(String field, String equals) {}

    public static final String HALF = "half";
    public static final String FULL = "full";

    public FormField(String id, String label, FieldType type, boolean required, boolean readOnly, Integer maxLength,
            BigDecimal min, BigDecimal max, BigDecimal step, String defaultValue, List<Option> options, String group,
            List<String> accept, Integer maxFiles, Integer maxSizeMb) {
        this(id, label, type, required, readOnly, maxLength, min, max, step, defaultValue, options, group, accept, maxFiles,
                maxSizeMb, null, null, null, null);
    }

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
        accept = accept == null || accept.isEmpty() ? DEFAULT_ACCEPT : List.copyOf(accept);
    }

    public boolean half() {
        return HALF.equals(width);
    }

    public String displayLabel() {
        return label == null || label.isBlank() ? id : label;
    }

    public int effectiveMaxLength() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }

    public int effectiveMaxFiles() {
        return maxFiles == null ? 1 : maxFiles;
    }

    public long maxBytes() {
        return (maxSizeMb == null ? DEFAULT_MAX_SIZE_MB : maxSizeMb) * 1024L * 1024L;
    }

    /** Whole-number fields store {@code Long}; fields with a fractional step store {@code Double}. */
    public boolean hasFractionalStep() {
        return step != null && step.stripTrailingZeros().scale() > 0;
    }
}

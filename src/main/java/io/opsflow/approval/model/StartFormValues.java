package io.opsflow.approval.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the values a starter typed into an approval's start form (text as the browser sends it) against
 * the form's fields: required, length, number range, date, select option, existing user. The values
 * come out typed as the generated conditions compare them (numbers as Long or Double, checkboxes as
 * Boolean, dates as {@code yyyy-MM-dd} text); every problem is kept per field id, worded for the page.
 * Read-only fields take their default and ignore what was sent; file fields are not read here (they are
 * attached to the started approval).
 */
public final class StartFormValues {

    /** The longest text a field takes when it names no maxLength (as {@code FormVariables} refuses more). */
    public static final int MAX_TEXT = 4000;

    /**
     * @param values typed values to start with (blank optional fields left out)
     * @param entered what was typed, per field id, to show the form again
     * @param errors one message per field id with a problem
     */
    public record Result(Map<String, Object> values, Map<String, String> entered, Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private StartFormValues() {}

    /** The fields the web start form shows: every field but file uploads. */
    public static List<FormFieldSpec> shown(ApprovalForm form) {
        return form.fields().stream().filter(f -> !"file".equals(f.type())).toList();
    }

    /**
     * @param enforceRequired false for a preview (an unfinished form still predicts), true for starting
     */
    public static Result read(ApprovalForm form, Map<String, String> sent, Directory directory, boolean enforceRequired) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> entered = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormFieldSpec field : shown(form)) {
            String id = field.id();
            boolean readOnly = Boolean.TRUE.equals(field.readOnly());
            String raw = readOnly ? field.defaultValue() : sent.get(id);
            raw = raw == null ? "" : raw.strip();
            entered.put(id, raw);
            String type = field.type() == null ? "text" : field.type();
            if (type.equals("checkbox")) {
                boolean ticked = raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("on");
                if (!ticked && enforceRequired && Boolean.TRUE.equals(field.required())) {
                    errors.put(id, "Tick this box to go on.");
                }
                values.put(id, ticked);
                continue;
            }
            if (raw.isEmpty()) {
                if (enforceRequired && Boolean.TRUE.equals(field.required())) {
                    errors.put(id, "Fill this in.");
                }
                continue;
            }
            String problem = switch (type) {
                case "number" -> number(field, raw, values);
                case "date" -> date(raw, id, values);
                case "select" -> option(field, raw, values);
                case "user" -> user(raw, id, directory, values);
                default -> text(field, raw, values);
            };
            if (problem != null) {
                errors.put(id, problem);
            }
        }
        return new Result(Collections.unmodifiableMap(values), Collections.unmodifiableMap(entered), Collections.unmodifiableMap(errors));
    }

    private static String text(FormFieldSpec field, String raw, Map<String, Object> values) {
        int max = field.maxLength() != null && field.maxLength() > 0 ? Math.min(field.maxLength(), MAX_TEXT) : MAX_TEXT;
        if (raw.length() > max) {
            return "At most " + max + " characters (this has " + raw.length() + ").";
        }
        values.put(field.id(), raw);
        return null;
    }

    private static String number(FormFieldSpec field, String raw, Map<String, Object> values) {
        BigDecimal number;
        try {
            number = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return "Enter a number, such as 1200 or 12.5.";
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return "At least " + field.min().toPlainString() + ".";
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return "At most " + field.max().toPlainString() + ".";
        }
        if (number.abs().compareTo(new BigDecimal("1e15")) > 0) {
            return "This number is too large.";
        }
        BigDecimal plain = number.stripTrailingZeros();
        values.put(field.id(), plain.scale() <= 0 ? (Object) plain.longValueExact() : (Object) number.doubleValue());
        return null;
    }

    private static String date(String raw, String id, Map<String, Object> values) {
        try {
            values.put(id, LocalDate.parse(raw).toString());
            return null;
        } catch (DateTimeParseException e) {
            return "Enter a date as YYYY-MM-DD.";
        }
    }

    private static String option(FormFieldSpec field, String raw, Map<String, Object> values) {
        boolean known = field.options() != null && field.options().stream().anyMatch(o -> raw.equals(o.value()));
        if (!known) {
            return "Choose one of the options.";
        }
        values.put(field.id(), raw);
        return null;
    }

    private static String user(String raw, String id, Directory directory, Map<String, Object> values) {
        if (raw.length() > 64 || !directory.userExists(raw)) {
            return "There is no user " + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + ".";
        }
        values.put(id, raw);
        return null;
    }
}

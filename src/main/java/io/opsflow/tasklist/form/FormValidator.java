package io.opsflow.tasklist.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one server-side check of a form submission, used by the task page, the start page and
 * {@code /api/v1}. Read-only fields and ids the form does not name are ignored, never written.
 */
@Component
public class FormValidator {

    private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");
    private static final Set<String> FALSE = Set.of("false", "off", "no", "0", "");

    private final UserDirectory users;

    public FormValidator(UserDirectory users) {
        this.users = users;
    }

    public ValidatedForm validate(FormDefinition form, FormInput input) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, List<ValidatedForm.AcceptedFile>> files = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> entered = new LinkedHashMap<>();
        Set<String> hidden = Visibility.hidden(form, input::first);
        for (FormField field : form.fields()) {
            if (field.readOnly() || hidden.contains(field.id())) {
                continue;
            }
            try {
                if (field.type() == FieldType.FILE) {
                    files.put(field.id(), FileFieldCheck.check(field, input.files(field.id())));
                    continue;
                }
                String raw = input.first(field.id());
                entered.put(field.id(), raw == null ? "" : raw);
                Object value = convert(field, raw == null ? "" : raw.strip());
                if (value != null) {
                    variables.put(field.id(), value);
                }
            } catch (InvalidValue e) {
                errors.put(field.id(), e.getMessage());
            }
        }
        return new ValidatedForm(variables, files, errors, entered);
    }

    private Object convert(FormField field, String value) {
        if (field.type() == FieldType.CHECKBOX) {
            return checkbox(field, value);
        }
        if (value.isEmpty()) {
            if (field.required()) {
                throw new InvalidValue("Please fill in " + field.displayLabel() + ".");
            }
            return null;
        }
        return switch (field.type()) {
            case TEXT, TEXTAREA -> text(field, value);
            case NUMBER -> number(field, value);
            case DATE -> date(value);
            case SELECT -> select(field, value);
            case USER -> user(field, value);
            default -> throw new IllegalStateException("unhandled field type " + field.type());
        };
    }

    private static Boolean checkbox(FormField field, String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        if (TRUE.contains(v)) {
            return Boolean.TRUE;
        }
        if (!FALSE.contains(v)) {
            throw new InvalidValue("Tick the box or leave it empty.");
        }
        if (field.required()) {
            throw new InvalidValue("Please tick " + field.displayLabel() + ".");
        }
        return Boolean.FALSE;
    }

    private static String text(FormField field, String value) {
        if (value.codePointCount(0, value.length()) > field.effectiveMaxLength()) {
            throw new InvalidValue("At most " + field.effectiveMaxLength() + " characters.");
        }
        if (field.pattern() != null && !java.util.regex.Pattern.compile(field.pattern()).matcher(value).matches()) {
            throw new InvalidValue("Does not have the expected form (" + field.pattern() + ").");
        }
        return value;
    }

    private static Number number(FormField field, String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidValue("Enter a number, e.g. 12 or 1.5.");
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            throw new InvalidValue("At least " + field.min().toPlainString() + ".");
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            throw new InvalidValue("At most " + field.max().toPlainString() + ".");
        }
        if (field.step() != null && field.step().signum() > 0) {
            BigDecimal base = field.min() == null ? BigDecimal.ZERO : field.min();
            if (number.subtract(base).remainder(field.step()).signum() != 0) {
                throw new InvalidValue("Use steps of " + field.step().toPlainString() + ".");
            }
        }
        boolean whole = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
        if (whole && !field.hasFractionalStep()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidValue("That number is too large.");
            }
        }
        return number.doubleValue();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("Enter a date as YYYY-MM-DD.");
        }
    }

    private static String select(FormField field, String value) {
        if (field.options().stream().noneMatch(o -> o.value().equals(value))) {
            throw new InvalidValue("Choose one of the offered options.");
        }
        return value;
    }

    private String user(FormField field, String value) {
        if (!users.exists(value)) {
            throw new InvalidValue("No such user.");
        }
        if (field.group() != null && !users.isMember(value, field.group())) {
            throw new InvalidValue("Choose someone from the group " + field.group() + ".");
        }
        return value;
    }
}

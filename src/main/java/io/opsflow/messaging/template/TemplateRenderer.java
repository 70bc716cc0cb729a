package io.opsflow.messaging.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills {@code ${name}} and {@code ${order.customer}} placeholders from a map, in one pass: the
 * values are inserted as text and never scanned again, so a value such as {@code ${secret}} or
 * {@code #{bean}} stays exactly that. No expression language is involved. {@code $${x}} writes a
 * literal {@code ${x}}. Lists are joined with a comma and a space, dates written as {@code yyyy-MM-dd HH:mm}.
 */
public final class TemplateRenderer {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    public TemplateRenderer(ZoneId zone) {
        this.zone = zone;
    }

    /** The names a template refers to; fails on a malformed placeholder. */
    public static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        scan(template, (name, out) -> names.add(name), new StringBuilder());
        return names;
    }

    public String render(String template, Map<String, ?> variables, TemplateFormat format) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        scan(template, (name, sink) -> sink.append(format.escape(text(lookup(variables, name)))), out);
        return out.toString();
    }

    private interface PlaceholderSink {
        void write(String name, StringBuilder out);
    }

    private static void scan(String template, PlaceholderSink sink, StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            if (start < 0) {
                out.append(template, i, template.length());
                break;
            }
            if (start > 0 && template.charAt(start - 1) == '$') {
                out.append(template, i, start - 1).append("${");
                i = start + 2;
                continue;
            }
            int end = template.indexOf('}', start + 2);
            if (end < 0) {
                throw new TemplateException("unclosed placeholder at position " + start + ": '${' without '}'");
            }
            String name = template.substring(start + 2, end).trim();
            if (!NAME.matcher(name).matches()) {
                throw new TemplateException("'${" + name + "}' is not a variable name (letters, digits, _ and dots only)");
            }
            out.append(template, i, start);
            sink.write(name, out);
            i = end + 1;
        }
    }

    private static Object lookup(Map<String, ?> variables, String name) {
        Object current = variables;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                throw new TemplateException("variable '" + name + "' has no value");
            }
            current = map.get(part);
        }
        return current;
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(this::text).collect(Collectors.joining(", "));
        }
        if (value instanceof Object[] items) {
            return text(List.of(items));
        }
        if (value instanceof Date date) {
            return DATE_TIME.format(date.toInstant().atZone(zone));
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant.atZone(zone));
        }
        if (value instanceof ZonedDateTime time) {
            return DATE_TIME.format(time.withZoneSameInstant(zone));
        }
        if (value instanceof OffsetDateTime time) {
            return DATE_TIME.format(time.atZoneSameInstant(zone));
        }
        if (value instanceof LocalDateTime time) {
            return DATE_TIME.format(time);
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        return String.valueOf(value);
    }
}

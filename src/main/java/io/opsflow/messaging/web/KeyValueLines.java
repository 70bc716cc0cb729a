package io.opsflow.messaging.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Settings and sample variables in admin forms: one {@code key=value} per line. */
final class KeyValueLines {

    private KeyValueLines() {}

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException("'" + line.trim() + "' is not a key=value line");
            }
        }
        return values;
    }

    static String format(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }
}

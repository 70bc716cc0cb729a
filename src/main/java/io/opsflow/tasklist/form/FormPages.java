package io.opsflow.tasklist.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A form's {@code page}: a local path whose {@code {variable}} parts are filled with process variables. */
public final class FormPages {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private FormPages() {}

    /** Starts with exactly one slash and has no scheme, backslash or control character: never another site. */
    static boolean isLocalPath(String page) {
        return page.startsWith("/") && !page.startsWith("//") && !page.contains("\\") && !page.contains(":")
                && page.chars().noneMatch(Character::isISOControl);
    }

    public static List<String> variables(String page) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(page);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The path with each variable URL-encoded; empty when a variable is missing. */
    public static Optional<String> resolve(String page, Map<String, Object> variables) {
        Matcher m = VARIABLE.matcher(page);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = variables.get(m.group(1));
            if (value == null || String.valueOf(value).isEmpty()) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(
                    URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }
}

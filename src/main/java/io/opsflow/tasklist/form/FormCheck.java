package io.opsflow.tasklist.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The designer's checks of a form's JSON before it is parsed, each problem keyed by where it is
 * (such as {@code fields[1].type}) so the designer can mark the field: unknown attribute or type,
 * missing or duplicate id, a pattern that is not a regular expression, a visibleWhen naming no earlier field.
 */
final class FormCheck {

    static final Set<String> TOP_LEVEL = Set.of("key", "title", "fields", "page");
    static final Set<String> FIELD_ATTRIBUTES = Set.of("id", "label", "type", "required", "readOnly", "maxLength", "min", "max",
            "step", "default", "options", "group", "accept", "maxFiles", "maxSizeMb", "pattern", "width", "section", "visibleWhen");
    private static final Set<String> TYPES = Arrays.stream(FieldType.values()).map(FieldType::jsonName)
            .collect(java.util.stream.Collectors.toSet());
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

    private FormCheck() {}

    static Map<String, String> problems(JsonNode form) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form == null || !form.isObject()) {
            problems.put("form", "A form is a JSON object with a title and fields.");
            return problems;
        }
        form.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                problems.put(name, "Unknown attribute '" + name + "' (a form has key, title, fields and page).");
            }
        });
        JsonNode fields = form.get("fields");
        if (fields != null && !fields.isArray()) {
            problems.put("fields", "fields must be a list.");
            return problems;
        }
        Map<String, JsonNode> earlier = new LinkedHashMap<>();
        for (int i = 0; fields != null && i < fields.size(); i++) {
            checkField(fields.get(i), "fields[" + i + "]", earlier, problems);
        }
        return problems;
    }

    private static void checkField(JsonNode field, String at, Map<String, JsonNode> earlier, Map<String, String> problems) {
        if (!field.isObject()) {
            problems.put(at, "Each field is a JSON object.");
            return;
        }
        String id = text(field, "id");
        String name = id == null ? at : "'" + id + "'";
        field.fieldNames().forEachRemaining(attribute -> {
            if (!FIELD_ATTRIBUTES.contains(attribute)) {
                problems.put(at + "." + attribute, "Field " + name + " has an unknown attribute '" + attribute + "'.");
            }
        });
        if (id == null || id.isBlank()) {
            problems.put(at + ".id", "Every field needs an id.");
        } else if (!ID.matcher(id).matches()) {
            problems.put(at + ".id", "Field id '" + id + "' must start with a letter and use only letters, digits and _.");
        } else if (earlier.containsKey(id)) {
            problems.put(at + ".id", "Field id '" + id + "' is used twice.");
        }
        String type = text(field, "type");
        if (type == null || !TYPES.contains(type.trim().toLowerCase(Locale.ROOT))) {
            problems.put(at + ".type", "Field " + name + " has " + (type == null ? "no type" : "an unknown type '" + type + "'")
                    + "; use one of " + String.join(", ", Arrays.stream(FieldType.values()).map(FieldType::jsonName).toList()) + ".");
        } else if ("select".equalsIgnoreCase(type.trim()) && (!field.has("options") || field.get("options").isEmpty())) {
            problems.put(at + ".options", "Select field " + name + " needs at least one option.");
        }
        String pattern = text(field, "pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.put(at + ".pattern", "Field " + name + ": the pattern is not a valid regular expression (" + e.getDescription() + ").");
            }
        }
        String width = text(field, "width");
        if (width != null && !FormField.HALF.equals(width) && !FormField.FULL.equals(width)) {
            problems.put(at + ".width", "Field " + name + ": width is half or full.");
        }
        JsonNode visibleWhen = field.get("visibleWhen");
        if (visibleWhen != null && !visibleWhen.isNull()) {
            String controller = text(visibleWhen, "field");
            if (!visibleWhen.isObject() || controller == null || !visibleWhen.has("equals")) {
                problems.put(at + ".visibleWhen", "Field " + name + ": visibleWhen needs a field and a value it equals.");
            } else if (!earlier.containsKey(controller)) {
                problems.put(at + ".visibleWhen", "Field " + name + " is visible when '" + controller
                        + "' has a value, but no earlier field has that id.");
            } else if (earlier.get(controller).path("readOnly").asBoolean(false)
                    || "file".equalsIgnoreCase(earlier.get(controller).path("type").asText())) {
                problems.put(at + ".visibleWhen", "Field " + name + " depends on '" + controller
                        + "', which cannot be filled in (read-only or file).");
            }
        }
        if (field.has("min") && field.has("max") && field.get("min").isNumber() && field.get("max").isNumber()
                && field.get("min").decimalValue().compareTo(field.get("max").decimalValue()) > 0) {
            problems.put(at + ".max", "Field " + name + ": max is less than min.");
        }
        if (id != null) {
            earlier.putIfAbsent(id, field);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}

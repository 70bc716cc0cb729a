package io.opsflow.tasklist.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a form's JSON (a file in {@code forms/} or a stored version) strictly, with the designer's checks first. */
public final class FormJson {

    static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    // Unknown JSON keys fail loudly: a typo like "requried" must not silently drop a rule.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private FormJson() {}

    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches() && !key.contains("..");
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidFormException(Map.of("form", "Not valid JSON: " + e.getOriginalMessage()));
        }
    }

    public static String pretty(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The form, or {@link InvalidFormException} with every problem keyed by where it is. */
    public static FormDefinition parse(String key, JsonNode tree) {
        var problems = FormCheck.problems(tree);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        try {
            FormDefinition form = JSON.treeToValue(tree, FormFile.class).toDefinition(key);
            return form;
        } catch (JsonProcessingException e) {
            throw new InvalidFormException(Map.of("form", e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw new InvalidFormException(Map.of("form", "The form " + e.getMessage() + "."));
        }
    }

    public static FormDefinition parse(String key, String json) {
        return parse(key, tree(json));
    }
}

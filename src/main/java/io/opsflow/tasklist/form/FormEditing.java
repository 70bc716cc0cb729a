package io.opsflow.tasklist.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Saving a designer's form: checked like a file, then stored as the version after the one it was based on. */
@Component
public class FormEditing {

    public static final int MAX_COMMENT = 2000;

    private final FormStore store;

    FormEditing(FormStore store) {
        this.store = store;
    }

    /** The problems of a draft (empty when it can be saved), keyed by where they are. */
    public Map<String, String> problems(String key, JsonNode draft) {
        try {
            FormJson.parse(key, draft);
            return Map.of();
        } catch (InvalidFormException e) {
            return e.problems();
        }
    }

    public FormVersion save(String key, int baseVersion, JsonNode draft, String comment, String user) {
        if (!FormJson.isKey(key)) {
            throw new InvalidFormException(Map.of("key", "A form key uses letters, digits, '.', '_' and '-' (at most 100)."));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidFormException(Map.of("comment", "A comment has at most " + MAX_COMMENT + " characters."));
        }
        FormJson.parse(key, draft);
        return store.saveAfter(key, baseVersion, FormJson.pretty(draft), comment == null || comment.isBlank() ? null : comment.strip(), user);
    }
}

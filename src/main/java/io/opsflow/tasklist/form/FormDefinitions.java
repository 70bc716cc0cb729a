package io.opsflow.tasklist.form;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forms the task list draws and validates: the latest stored version of a key. Parsed forms are
 * cached by key and version, so a version saved on another node is picked up on the next read.
 */
@org.springframework.stereotype.Component
public class FormDefinitions {

    private final FormStore store;
    private final Map<String, FormDefinition> parsed = new ConcurrentHashMap<>();

    FormDefinitions(FormStore store) {
        this.store = store;
    }

    public FormDefinition get(String key) {
        if (!FormJson.isKey(key)) {
            throw new UnknownFormException("No form named '" + key + "' (keys are file names in forms/)", null);
        }
        FormVersion latest = store.latest(key).orElseThrow(() -> new UnknownFormException(
                "No form named '" + key + "': neither forms/" + key + ".json nor a version saved in the designer", null));
        return parsed.computeIfAbsent(key + "@" + latest.version(), k -> parse(latest));
    }

    private static FormDefinition parse(FormVersion version) {
        try {
            return FormJson.parse(version.key(), version.json());
        } catch (InvalidFormException e) {
            throw new UnknownFormException("form " + version.key() + " version " + version.version() + " is not a valid form: "
                    + String.join(" ", e.problems().values()), e);
        }
    }
}

package io.opsflow.platform.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an administrator typed that cannot be saved, as a message per form field. */
class InvalidInput extends RuntimeException {

    private final Map<String, String> errors;

    private InvalidInput(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }

    static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    /** Collects the problems of one form; keeps the first message per field. */
    static final class Problems {

        private final Map<String, String> errors = new LinkedHashMap<>();

        Problems add(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}

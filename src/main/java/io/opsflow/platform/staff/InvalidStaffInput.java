package io.opsflow.platform.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What cannot be saved in a staff entry, as a message per field; nothing was changed. */
class InvalidStaffInput extends RuntimeException {

    private final Map<String, String> errors;

    InvalidStaffInput(Map<String, String> errors) {
        super(errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(" ")));
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }

    /** Collects the problems of one change; keeps the first message per field. */
    static final class Problems {

        private final Map<String, String> errors = new LinkedHashMap<>();

        void add(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidStaffInput(errors);
            }
        }
    }
}

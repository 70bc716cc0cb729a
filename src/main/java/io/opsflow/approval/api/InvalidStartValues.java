package io.opsflow.approval.api;

import java.util.Map;

/** Start values that do not fit the approval's form: one message per field name (400 with {@code fieldErrors}). */
class InvalidStartValues extends RuntimeException {

    private final Map<String, String> fieldErrors;

    InvalidStartValues(Map<String, String> fieldErrors) {
        super(fieldErrors.size() == 1 ? "One value does not fit the approval's form: see fieldErrors."
                : fieldErrors.size() + " values do not fit the approval's form: see fieldErrors.");
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}

package io.opsflow.approval.run;

import java.util.Map;

/**
 * Start or resubmitted values that do not fit the approval's form: one message per field name (the API answers
 * 400 with {@code fieldErrors}, the pages show each message beside its field). Nothing was started or changed.
 */
public class InvalidFormValues extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidFormValues(Map<String, String> fieldErrors) {
        super(fieldErrors.size() == 1 ? "One value does not fit the approval's form: see fieldErrors."
                : fieldErrors.size() + " values do not fit the approval's form: see fieldErrors.");
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}

package io.opsflow.tasklist.form;

import java.util.List;
import java.util.Map;

/**
 * The outcome of validating a submission. Valid: {@link #variables} hold typed values for every
 * editable field and {@link #files} the accepted files with their sniffed content type. Invalid:
 * {@link #errors} say what is wrong per field and {@link #entered} keeps the text to show again.
 */
public record ValidatedForm(
        Map<String, Object> variables,
        Map<String, List<AcceptedFile>> files,
        Map<String, String> errors,
        Map<String, String> entered) {

    public record AcceptedFile(String name, String contentType, byte[] content) {}

    public boolean valid() {
        return errors.isEmpty();
    }
}

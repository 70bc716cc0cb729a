package io.opsflow.approval.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The values a starter resubmits after a return, read by the start's rules ({@link JsonStartValues}) against the
 * form of the version the approval runs: a value sent replaces the earlier one, a field left out keeps its earlier
 * value, and a field sent empty (or null) is cleared. The merged values must pass the form as a whole, so clearing a
 * required field is refused like leaving it out at start.
 */
public final class ResubmittedValues {

    /**
     * @param values the typed values the approval continues with (every field that has one)
     * @param cleared fields that had a value and are now blank
     * @param errors one message per name that does not fit, as at start
     */
    public record Result(Map<String, Object> values, Set<String> cleared, Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private ResubmittedValues() {}

    public static Result read(SimpleModel model, Map<String, ?> earlier, Map<String, ?> sent, Directory directory) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (FormFieldSpec field : StartFormValues.shown(model.form())) {
            Object before = earlier.get(field.id());
            if (before != null && !Boolean.TRUE.equals(field.readOnly())) {
                merged.put(field.id(), before); // read-only fields take their default anyway
            }
        }
        if (sent != null) {
            merged.putAll(sent);
        }
        StartFormValues.Result read = JsonStartValues.read(model, merged, directory);
        Set<String> cleared = new LinkedHashSet<>();
        for (FormFieldSpec field : StartFormValues.shown(model.form())) {
            if (earlier.get(field.id()) != null && !read.values().containsKey(field.id())) {
                cleared.add(field.id());
            }
        }
        return new Result(read.values(), Collections.unmodifiableSet(cleared), read.errors());
    }
}

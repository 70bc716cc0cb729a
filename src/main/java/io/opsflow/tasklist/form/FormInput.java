package io.opsflow.tasklist.form;

import java.util.List;
import java.util.Map;

/** What a person submitted: text values by field id (several for multi-value inputs) and files. */
public record FormInput(Map<String, List<String>> values, Map<String, List<UploadedFile>> files) {

    public FormInput {
        values = Map.copyOf(values);
        files = Map.copyOf(files);
    }

    public static FormInput of(Map<String, List<String>> values) {
        return new FormInput(values, Map.of());
    }

    String first(String fieldId) {
        List<String> all = values.get(fieldId);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    List<UploadedFile> files(String fieldId) {
        return files.getOrDefault(fieldId, List.of()).stream().filter(f -> f.size() > 0).toList();
    }
}

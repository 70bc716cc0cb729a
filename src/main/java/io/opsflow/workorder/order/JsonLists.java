package io.opsflow.workorder.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Skills and checklist steps are stored as JSON arrays of strings. */
final class JsonLists {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private JsonLists() {}

    static String write(List<String> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> read(String json) {
        try {
            return json == null ? List.of() : List.copyOf(MAPPER.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not a JSON array of strings", e);
        }
    }
}

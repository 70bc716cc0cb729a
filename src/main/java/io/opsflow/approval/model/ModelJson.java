package io.opsflow.approval.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Reads and writes simple models. Strict: an unknown key (a typo such as {@code "requried"}) is an
 * error naming the key, never a silently dropped rule; nesting and size are bounded.
 */
public final class ModelJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(100).maxStringLength(200_000).build());
    }

    private ModelJson() {}

    public static SimpleModel read(String json) {
        try {
            return MAPPER.readValue(json, SimpleModel.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidModelException("unknown key '" + e.getPropertyName() + "' in the model");
        } catch (InvalidTypeIdException e) {
            throw new InvalidModelException("unknown node type '" + e.getTypeId() + "' (approver, cc, condition, parallel)");
        } catch (JsonProcessingException e) {
            throw new InvalidModelException("the model is not valid JSON of the simple model format"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    public static SimpleModel read(JsonNode json) {
        return read(json.toString());
    }

    public static String write(SimpleModel model) {
        try {
            return MAPPER.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a simple model could not be written", e);
        }
    }

    public static JsonNode tree(SimpleModel model) {
        return MAPPER.valueToTree(model);
    }

    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}

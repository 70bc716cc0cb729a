package io.opsflow.tasklist.form;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Reads form definitions from {@code classpath:forms/<key>.json}, once per key. */
@Component
public class FormDefinitions {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    // Unknown JSON keys fail loudly: a typo like "requried" must not silently drop a rule.
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE);
    private final Map<String, FormDefinition> cache = new ConcurrentHashMap<>();

    public FormDefinition get(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new UnknownFormException("No form named '" + key + "' (keys are file names in forms/)", null);
        }
        return cache.computeIfAbsent(key, this::load);
    }

    private FormDefinition load(String key) {
        var resource = new ClassPathResource("forms/" + key + ".json");
        if (!resource.exists()) {
            throw new UnknownFormException("No form named '" + key + "': forms/" + key + ".json does not exist", null);
        }
        try (InputStream in = resource.getInputStream()) {
            var form = json.readValue(in, FormFile.class).toDefinition(key);
            form.fields().forEach(FormDefinitions::check);
            return form;
        } catch (IOException e) {
            throw new UnknownFormException("forms/" + key + ".json is not a valid form: " + originalMessage(e), e);
        } catch (IllegalArgumentException e) {
            throw new UnknownFormException("forms/" + key + ".json is not a valid form: " + e.getMessage(), e);
        }
    }

    private static void check(FormField field) {
        if (field.id() == null || field.id().isBlank() || field.type() == null) {
            throw new IllegalArgumentException("every field needs an id and a type");
        }
        if (field.type() == FieldType.SELECT && field.options().isEmpty()) {
            throw new IllegalArgumentException("select field '" + field.id() + "' has no options");
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}

package io.opsflow.tasklist.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The form files shipped in {@code classpath:forms/}: key (file name without .json) to content. */
public final class FormFiles {

    private FormFiles() {}

    public static Map<String, String> all() {
        Map<String, String> files = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.json")) {
                String name = resource.getFilename();
                if (name != null) {
                    files.put(name.substring(0, name.length() - ".json".length()), read(resource));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list forms/", e);
        }
        return files;
    }

    /** One file parsed, or {@link UnknownFormException} naming the file and what is wrong. */
    public static FormDefinition definition(String key) {
        var resource = new ClassPathResource("forms/" + key + ".json");
        if (!FormJson.isKey(key) || !resource.exists()) {
            throw new UnknownFormException("No form named '" + key + "': forms/" + key + ".json does not exist", null);
        }
        try {
            return FormJson.parse(key, read(resource));
        } catch (InvalidFormException e) {
            throw new UnknownFormException("forms/" + key + ".json is not a valid form: " + String.join(" ", e.problems().values()), e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read forms/" + resource.getFilename(), e);
        }
    }
}

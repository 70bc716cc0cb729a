package io.opsflow.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls to /api/v1/models as a fresh designer (or any user), and the test's BPMN files. */
public class ModelApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;
    private final IdentityService identityService;
    public final String designer;

    public ModelApiCalls(TestRestTemplate rest, IdentityService identityService) {
        this.rest = rest;
        this.identityService = identityService;
        this.designer = user("designer", Groups.DESIGNER);
    }

    public String user(String prefix, String... groups) {
        return TestUsers.create(identityService, prefix, groups);
    }

    public ResponseEntity<String> importXml(String user, String xml) {
        return importBytes(user, xml.getBytes(StandardCharsets.UTF_8));
    }

    public ResponseEntity<String> importBytes(String user, byte[] xml) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return send(user, HttpMethod.POST, "", new HttpEntity<>(xml, headers));
    }

    /** Imports and returns the new model's id, failing the test unless the import succeeded. */
    public String imported(String xml) {
        ResponseEntity<String> response = importXml(designer, xml);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("import failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response).path("model").path("id").asText();
    }

    public ResponseEntity<String> get(String user, String path) {
        return send(user, HttpMethod.GET, path, null);
    }

    public ResponseEntity<String> postJson(String user, String path, Object body) {
        return send(user, HttpMethod.POST, path, jsonEntity(body, new HttpHeaders()));
    }

    public ResponseEntity<String> save(String user, String id, Integer version, String xml) {
        return send(user, HttpMethod.PUT, "/" + id, jsonEntity(version == null ? Map.of("xml", xml) : Map.of("version", version, "xml", xml),
                new HttpHeaders()));
    }

    public ResponseEntity<String> validateXml(String user, String xml) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return send(user, HttpMethod.POST, "/validate", new HttpEntity<>(xml.getBytes(StandardCharsets.UTF_8), headers));
    }

    public ResponseEntity<String> send(String user, HttpMethod method, String path, HttpEntity<?> entity) {
        return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange("/api/v1/models" + path, method, entity, String.class);
    }

    private static HttpEntity<String> jsonEntity(Object body, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return new HttpEntity<>(JSON.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody() == null ? "{}" : response.getBody());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** A file of the repository (processes/…) or of src/test/resources/design/. */
    public static String file(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same XML with every occurrence of the process key replaced, so each test deploys its own definition. */
    public static String withKey(String xml, String oldKey, String newKey) {
        return xml.replace("\"" + oldKey + "\"", "\"" + newKey + "\"");
    }
}

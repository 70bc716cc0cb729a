package io.opsflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls to /process-api as a given user, and fresh users with random ids for each test. */
class ProcessApiCalls {

    static final String PASSWORD = "test-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;
    private final IdentityService identityService;

    ProcessApiCalls(TestRestTemplate rest, IdentityService identityService, RepositoryService repositoryService) {
        this.rest = rest;
        this.identityService = identityService;
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("personal-request").count() == 0) {
            repositoryService.createDeployment()
                    .name("personal-request (test)")
                    .addClasspathResource("rest/personal-request.bpmn20.xml")
                    .enableDuplicateFiltering()
                    .deploy();
        }
    }

    /** A new user in the given groups (created if missing, e.g. team groups). */
    String newUser(String prefix, String... groups) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var user = identityService.newUser(id);
        user.setPassword(PASSWORD);
        user.setFirstName(prefix);
        identityService.saveUser(user);
        for (String group : groups) {
            if (identityService.createGroupQuery().groupId(group).count() == 0) {
                identityService.saveGroup(identityService.newGroup(group));
            }
            identityService.createMembership(id, group);
        }
        return id;
    }

    ResponseEntity<String> get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    ResponseEntity<String> post(String user, String path, Object json) {
        return call(user, HttpMethod.POST, path, json);
    }

    ResponseEntity<String> put(String user, String path, Object json) {
        return call(user, HttpMethod.PUT, path, json);
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path, Object json) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return client(user).exchange("/process-api" + path, method, new HttpEntity<>(json, headers), String.class);
    }

    ResponseEntity<String> send(String user, HttpMethod method, String path, HttpEntity<?> entity) {
        return client(user).exchange("/process-api" + path, method, entity, String.class);
    }

    private TestRestTemplate client(String user) {
        String password = "admin".equals(user) ? "admin-test-password" : PASSWORD;
        return rest.withBasicAuth(user, password);
    }

    /** Starts the test process as the user; its one task is assigned to them. Returns the instance id. */
    String startPersonal(String user) {
        var response = post(user, "/runtime/process-instances",
                Map.of("processDefinitionKey", "personal-request", "variables",
                        List.of(Map.of("name", "note", "type", "string", "value", "private note of " + user))));
        if (response.getStatusCode().value() != 201) {
            throw new IllegalStateException("start failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return json(response).get("id").asText();
    }

    String taskOf(String user, String processInstanceId) {
        var tasks = json(get(user, "/runtime/tasks?processInstanceId=" + processInstanceId)).get("data");
        return tasks.get(0).get("id").asText();
    }

    static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + response.getBody(), e);
        }
    }

    static List<String> ids(ResponseEntity<String> response) {
        return StreamSupport.stream(json(response).get("data").spliterator(), false)
                .map(node -> node.get("id").asText())
                .toList();
    }

    static ClassPathResource resource(String path) {
        return new ClassPathResource(path);
    }
}

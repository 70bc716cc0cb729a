package io.opsflow.engine.rest;

import static io.opsflow.engine.rest.ProcessApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Bad input, races and auditing on /process-api: clear 4xx, never a 500 or internals. */
@OpsflowIntegrationTest
class ProcessApiRobustnessIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    ProcessApiCalls api;
    String alice;

    @BeforeEach
    void aStaffUser() {
        api = new ProcessApiCalls(rest, identityService, repositoryService);
        alice = api.newUser("alice", "staff", "integrator"); // integrators may write instance variables: the payload check is reached
    }

    /** Records whether anything ever deserialized it. */
    static class Tripwire implements Serializable {
        static final AtomicBoolean DESERIALIZED = new AtomicBoolean();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            DESERIALIZED.set(true);
            in.defaultReadObject();
        }
    }

    @Test
    void serializedJavaObjectsAreRefusedAsVariables() throws IOException {
        String instance = api.startPersonal(alice);
        String task = api.taskOf(alice, instance);
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Tripwire());
        }
        for (String path : List.of("/runtime/process-instances/" + instance + "/variables", "/runtime/tasks/" + task + "/variables")) {
            var parts = new LinkedMultiValueMap<String, Object>();
            parts.add("file", new ByteArrayResource(bytes.toByteArray()) {
                @Override
                public String getFilename() {
                    return "payload.ser";
                }
            });
            parts.add("name", "payload");
            parts.add("type", "serializable");
            var headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            ResponseEntity<String> response = api.send(alice, HttpMethod.POST, path, new HttpEntity<>(parts, headers));
            assertThat(response.getStatusCode().is4xxClientError()).as(path + " " + response.getBody()).isTrue();
            assertThat(response.getBody()).doesNotContain("Exception");
        }
        assertThat(Tripwire.DESERIALIZED).isFalse();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("payload").count())
                .isZero();
    }

    @Test
    void malformedRequestsGetAGenericBodyWithACorrelationId() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Correlation-Id", "test-corr-12345");
        ResponseEntity<String> badJson = rest.withBasicAuth(alice, ProcessApiCalls.PASSWORD).exchange(
                "/process-api/runtime/process-instances", HttpMethod.POST, new HttpEntity<>("{\"processDefinitionKey\": [", headers), String.class);
        assertThat(badJson.getStatusCode().value()).isEqualTo(400);
        assertGeneric(badJson);
        assertThat(badJson.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("test-corr-12345");
        assertThat(json(badJson).get("correlationId").asText()).isEqualTo("test-corr-12345");

        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> wrongType = rest.withBasicAuth(alice, ProcessApiCalls.PASSWORD).exchange(
                "/process-api/runtime/process-instances", HttpMethod.POST, new HttpEntity<>("hello", headers), String.class);
        assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
        assertGeneric(wrongType);

        ResponseEntity<String> missing = api.get(alice, "/runtime/tasks/no-such-task");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertGeneric(missing);
        assertThat(missing.getHeaders().getFirst("X-Correlation-Id")).isNotBlank();

        ResponseEntity<String> unknownDefinition = api.post(alice, "/runtime/process-instances", Map.of("processDefinitionKey", "no-such-process"));
        assertThat(unknownDefinition.getStatusCode().value()).isIn(400, 404);
        assertGeneric(unknownDefinition);
    }

    @Test
    void twoSimultaneousCompletionsOfOneTaskGiveOneSuccessAndOneConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String instance = startServiceRequest();
                String task = api.taskOf(alice, instance);
                // A group task is completed by its assignee: claim it first, as the task list does.
                assertThat(api.post(alice, "/runtime/tasks/" + task, Map.of("action", "claim", "assignee", alice))
                        .getStatusCode().value()).isEqualTo(200);
                var ready = new CountDownLatch(2);
                var go = new CountDownLatch(1);
                List<Future<ResponseEntity<String>>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return api.post(alice, "/runtime/tasks/" + task, Map.of("action", "complete"));
                    }));
                }
                ready.await();
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (var result : results) {
                    ResponseEntity<String> response = result.get();
                    statuses.add(response.getStatusCode().value());
                    if (response.getStatusCode().value() != 200) {
                        assertGeneric(response);
                    }
                }
                assertThat(statuses).as("round " + round).containsOnlyOnce(200);
                assertThat(statuses).as("round " + round).allMatch(s -> s == 200 || s == 409 || s == 404);
                assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ReviewRequest").count())
                        .as("the process advanced exactly once").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void engineActionsAreAuditedWithTheCallingUser() {
        Logger auditLogger = (Logger) LoggerFactory.getLogger("io.opsflow.audit");
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        auditLogger.addAppender(appender);
        try {
            String instance = api.startPersonal(alice);
            String task = api.taskOf(alice, instance);
            assertThat(api.post(alice, "/runtime/tasks/" + task, Map.of("action", "complete")).getStatusCode().value()).isEqualTo(200);

            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getStartUserId())
                    .as("Flowable knows the REST caller").isEqualTo(alice);
            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).anyMatch(l -> l.contains("user=" + alice) && l.contains("PROCESS_STARTED") && l.contains(instance));
            assertThat(lines).anyMatch(l -> l.contains("user=" + alice) && l.contains("TASK_COMPLETED") && l.contains(task));
            assertThat(lines).anyMatch(l -> l.contains("PROCESS_COMPLETED") && l.contains(instance));
        } finally {
            auditLogger.detachAppender(appender);
        }
    }

    private String startServiceRequest() {
        var response = api.post(alice, "/runtime/process-instances", Map.of("processDefinitionKey", "service-request"));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    private static void assertGeneric(ResponseEntity<String> response) {
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("org.flowable")
                .doesNotContain("SQL");
        assertThat(json(response).get("message").asText()).isNotBlank();
        assertThat(json(response).get("correlationId").asText()).isNotBlank();
    }
}

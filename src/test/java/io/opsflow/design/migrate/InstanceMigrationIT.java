package io.opsflow.design.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api/v1/definitions/{key}/migrations}: preview, batch start, progress, refusals and access. */
@OpsflowIntegrationTest
class InstanceMigrationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;

    MigrationFixture fixture;
    String designer;

    @BeforeEach
    void fixture() {
        fixture = new MigrationFixture(repositoryService, runtimeService, managementService);
        designer = TestUsers.create(identityService, "migrator", Groups.DESIGNER);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void hundredInstancesAtReviewMoveToTheRenamedCheckOnV2WithTheirHistory() {
        ProcessDefinition v1 = fixture.deploy("review", "Review");
        ProcessDefinition v2 = fixture.deploy("check", "Check");
        List<String> instances = fixture.start(v1, 100);
        Map<String, Object> request = Map.of("fromVersion", 1, "toVersion", 2, "mappings", List.of(Map.of("from", "review", "to", "check")));

        JsonNode preview = json(post(designer, "/preview", request), 200);
        assertThat(preview.path("instances").asLong()).isEqualTo(100);
        assertThat(preview.path("moves")).hasSize(1);
        JsonNode move = preview.path("moves").get(0);
        assertThat(move.path("from").asText()).isEqualTo("review");
        assertThat(move.path("instances").asLong()).isEqualTo(100);
        assertThat(move.path("to").asText()).isEqualTo("check");
        assertThat(move.path("how").asText()).isEqualTo("mapping");
        assertThat(preview.path("blocking").asBoolean()).isFalse();
        assertThat(preview.path("validator")).isEmpty();
        assertThat(preview.path("instancesThatCannotMigrate").asLong()).isZero();

        JsonNode started = json(post(designer, "", request), 202);
        String batchId = started.path("batchId").asText();
        assertThat(batchId).isNotBlank();
        assertThat(started.path("instances").asLong()).isEqualTo(100);

        JsonNode waiting = json(get(designer, "/" + batchId), 200);
        assertThat(waiting.path("total").asLong()).isEqualTo(100);
        assertThat(waiting.path("done").asBoolean()).as("nothing ran yet").isFalse();
        fixture.runBatch(batchId);
        JsonNode progress = json(get(designer, "/" + batchId), 200);
        assertThat(progress.path("total").asLong()).isEqualTo(100);
        assertThat(progress.path("migrated").asLong()).isEqualTo(100);
        assertThat(progress.path("failed").asLong()).isZero();
        assertThat(progress.path("fromVersion").asInt()).isEqualTo(1);
        assertThat(progress.path("toVersion").asInt()).isEqualTo(2);

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(100);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isZero();
        assertThat(taskService.createTaskQuery().processDefinitionId(v2.getId()).taskDefinitionKey("check").count()).isEqualTo(100);
        assertThat(taskService.createTaskQuery().processInstanceIdIn(instances).taskDefinitionKey("review").count()).isZero();
        // History stays with each instance: started, its variables, and the same instances now on v2.
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceIds(java.util.Set.copyOf(instances))
                .processDefinitionId(v2.getId()).count()).isEqualTo(100);
        assertThat(historyService.createHistoricActivityInstanceQuery().processDefinitionId(v2.getId()).activityId("start").count())
                .isEqualTo(100);
        assertThat(runtimeService.getVariable(instances.get(42), "n")).isEqualTo(42);
        // A migrated instance carries on on v2.
        taskService.complete(taskService.createTaskQuery().processInstanceId(instances.get(0)).singleResult().getId());
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instances.get(0)).singleResult().getEndTime()).isNotNull();
        // Nothing of the batch is left to fail later: no dead letter, no migration job, no status timer.
        assertThat(managementService.createDeadLetterJobQuery().list()).noneMatch(job -> job.getJobHandlerType() != null
                && job.getJobHandlerType().startsWith("process-migration"));
        assertThat(managementService.createJobQuery().list()).noneMatch(job -> "process-migration".equals(job.getJobHandlerType()));
        assertThat(managementService.createTimerJobQuery().handlerType("process-migration-status").list())
                .noneMatch(job -> job.getJobHandlerConfiguration().contains(batchId));
    }

    @Test
    void anActivityMissingInTheTargetIsReportedAndTheStartIsRefusedWithNothingMigrated() {
        ProcessDefinition v1 = fixture.deploy("review", "Review");
        fixture.deploy("check", "Check");
        fixture.start(v1, 3);
        Map<String, Object> request = Map.of("fromVersion", 1, "toVersion", 2);

        JsonNode preview = json(post(designer, "/preview", request), 200);
        JsonNode move = preview.path("moves").get(0);
        assertThat(move.path("from").asText()).isEqualTo("review");
        assertThat(move.path("to").isNull()).isTrue();
        assertThat(move.path("reason").asText()).startsWith("cannot: no such activity in v2");
        assertThat(preview.path("blocking").asBoolean()).isTrue();
        assertThat(preview.path("instancesThatCannotMigrate").asLong()).isEqualTo(3);
        assertThat(preview.path("instancesThatCannotMigrateSample")).hasSize(3);
        assertThat(preview.path("validator").toString()).contains("review");
        assertThat(preview.path("targetActivities").toString()).contains("\"check\"");

        ResponseEntity<String> refused = post(designer, "", request);
        JsonNode body = json(refused, 400);
        assertThat(body.path("message").asText()).contains("nothing was migrated");
        assertThat(body.path("preview").path("blocking").asBoolean()).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isEqualTo(3);
        assertThat(managementService.createBatchQuery().list()).noneMatch(batch -> v1.getId().equals(batch.getBatchSearchKey()));
    }

    @Test
    void badInputIsAClear400AndNothingMoves() {
        ProcessDefinition v1 = fixture.deploy("review", "Review");
        fixture.deploy("check", "Check");
        fixture.start(v1, 1);

        assertBadRequest(post(designer, "/preview", Map.of("fromVersion", 1, "toVersion", 1)), "the same");
        assertBadRequest(post(designer, "/preview", Map.of("fromVersion", 1, "toVersion", 9)), "no deployed version 9");
        assertBadRequest(post(designer, "/preview", Map.of("toVersion", 2)), "fromVersion");
        assertBadRequest(post(designer, "/preview", Map.of("fromVersion", 1, "toVersion", 2,
                "mappings", List.of(Map.of("from", "review", "to", "nowhere")))), "no such activity in v2");
        assertBadRequest(post(designer, "", Map.of("fromVersion", 1, "toVersion", 2,
                "mappings", List.of(Map.of("from", "ghost", "to", "check")))), "source version");
        assertBadRequest(raw(designer, "/preview", "{\"fromVersion\": 1, "), "malformed");
        assertBadRequest(raw(designer, "/preview", "{\"fromVersion\": \"one\", \"toVersion\": 2}"), "malformed");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isOne();
    }

    @Test
    void onlyDesignersAndAdminsMigrateAndUnknownKeysAndBatchesAre404() {
        ProcessDefinition v1 = fixture.deploy("review", "Review");
        fixture.deploy("check", "Check");
        fixture.start(v1, 1);
        String staff = TestUsers.create(identityService, "migrate-staff", Groups.STAFF);
        Map<String, Object> request = Map.of("fromVersion", 1, "toVersion", 2, "mappings", List.of(Map.of("from", "review", "to", "check")));

        assertThat(post(staff, "/preview", request).getStatusCode().value()).isEqualTo(403);
        assertThat(post(staff, "", request).getStatusCode().value()).isEqualTo(403);
        assertThat(get(staff, "/some-batch").getStatusCode().value()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isOne();

        var unknownKey = rest.withBasicAuth(designer, TestUsers.PASSWORD).exchange("/api/v1/definitions/no-such-key/migrations/preview",
                HttpMethod.POST, entity(request), String.class);
        assertThat(unknownKey.getStatusCode().value()).isEqualTo(404);
        assertThat(get(designer, "/no-such-batch").getStatusCode().value()).isEqualTo(404);
    }

    private void assertBadRequest(ResponseEntity<String> response, String says) {
        JsonNode body = json(response, 400);
        assertThat(body.path("message").asText()).containsIgnoringCase(says);
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(base() + path, HttpMethod.POST, entity(body), String.class);
    }

    private ResponseEntity<String> raw(String user, String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(base() + path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange(base() + path, HttpMethod.GET, null, String.class);
    }

    private String base() {
        return "/api/v1/definitions/" + fixture.key + "/migrations";
    }

    private static HttpEntity<String> entity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return new HttpEntity<>(JSON.writeValueAsString(body), headers);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}

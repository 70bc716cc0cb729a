package io.opsflow.approval.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.approval.ApprovalFixtures;
import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A running approval's variables (its routing and form values) are not written through {@code /process-api} by anyone but
 * an admin — not by an integrator who started it, nor with the approver's task completion; and a form-data start of an
 * approval with a form gets the start check's 400, or is refused when its values are good (they would go untyped).
 */
@OpsflowIntegrationTest
class ApprovalProcessApiWritesIT {

    @Autowired ApprovalDefinitions definitions;
    @Autowired ApprovalFixtures fixtures;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TestRestTemplate rest;

    final ObjectMapper json = new ObjectMapper();
    ApprovalFixtures.Purchasers people;
    String key;

    @BeforeEach
    void publishPurchase() {
        people = fixtures.purchasers("pw");
        fixtures.join(people.starter(), Groups.INTEGRATOR);
        SimpleModel model = ApprovalFixtures.model(ApprovalFixtures.purchaseFields(),
                ApprovalFixtures.leadThenDirectorOver1000(people.lead(), people.director()));
        definitions.create(model, people.designer());
        key = definitions.publish(model.code(), null, people.designer()).processDefinitionKey();
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        String password = "admin".equals(user) ? "admin-test-password" : TestUsers.PASSWORD;
        return rest.withBasicAuth(user, password).exchange("/process-api" + path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    private void assertRefusedToApprovalApi(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        assertThat(body(response).path("message").asText()).contains("/api/v1/approvals");
        assertThat(response.getBody()).doesNotContain("Exception");
    }

    /** A purchase of 2,500 (the lead, then the director), started through /process-api: its instance id. */
    private String bigPurchase() throws Exception {
        ResponseEntity<String> started = call(people.starter(), HttpMethod.POST, "/runtime/process-instances",
                "{\"processDefinitionKey\":\"" + key + "\",\"variables\":[{\"name\":\"title\",\"value\":\"Laptop\"},"
                        + "{\"name\":\"amount\",\"value\":\"2500\"},{\"name\":\"category\",\"value\":\"it\"}]}");
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        return body(started).path("id").asText();
    }

    @Test
    void onlyAdminsWriteARunningApprovalsVariablesThroughTheProcessApi() throws Exception {
        String pid = bigPurchase();
        String leadTask = fixtures.taskOf(pid, people.lead()).getId();
        Map<String, Object> before = runtimeService.getVariables(pid);
        String variables = "/runtime/process-instances/" + pid + "/variables";

        assertRefusedToApprovalApi(call(people.starter(), HttpMethod.PUT, variables + "/amount",
                "{\"name\":\"amount\",\"type\":\"long\",\"value\":500}"));
        assertRefusedToApprovalApi(call(people.starter(), HttpMethod.POST, variables,
                "[{\"name\":\"director_approvers\",\"type\":\"string\",\"value\":\"" + people.starter() + "\"}]"));
        assertRefusedToApprovalApi(call(people.starter(), HttpMethod.DELETE, variables + "/amount", null));
        assertRefusedToApprovalApi(call(people.lead(), HttpMethod.POST, "/runtime/tasks/" + leadTask,
                "{\"action\":\"complete\",\"variables\":[{\"name\":\"amount\",\"type\":\"long\",\"value\":500}]}"));
        assertRefusedToApprovalApi(call(people.lead(), HttpMethod.PUT, "/runtime/tasks/" + leadTask + "/variables/amount",
                "{\"name\":\"amount\",\"type\":\"long\",\"value\":500,\"scope\":\"global\"}"));

        assertThat(runtimeService.getVariables(pid)).isEqualTo(before).containsEntry("amount", 2500L);
        assertThat(taskService.createTaskQuery().taskId(leadTask).count()).as("the lead's task is still open").isOne();

        ResponseEntity<String> byAdmin = call("admin", HttpMethod.PUT, variables + "/amount", "{\"name\":\"amount\",\"type\":\"long\",\"value\":3000}");
        assertThat(byAdmin.getStatusCode().value()).as(byAdmin.getBody()).isEqualTo(200);
        assertThat(runtimeService.getVariable(pid, "amount")).isEqualTo(3000L);
    }

    @Test
    void aFormDataStartGetsTheStartChecksAnswerAndGoodValuesAreSentToTheTypedStart() throws Exception {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();

        ResponseEntity<String> bad = call(people.starter(), HttpMethod.POST, "/form/form-data", "{\"processDefinitionId\":\"" + definitionId
                + "\",\"properties\":[{\"id\":\"title\",\"value\":\"Laptop\"},{\"id\":\"amount\",\"value\":\"12abc\"},"
                + "{\"id\":\"category\",\"value\":\"it\"},{\"id\":\"amout\",\"value\":\"1\"}]}");
        assertThat(bad.getStatusCode().value()).as(bad.getBody()).isEqualTo(400);
        assertThat(body(bad).path("fieldErrors").path("amount").asText()).startsWith("Enter a number");
        assertThat(body(bad).path("fieldErrors").path("amout").asText()).isEqualTo("This approval's form has no field amout.");
        assertThat(bad.getBody()).doesNotContain("Exception");

        ResponseEntity<String> good = call(people.starter(), HttpMethod.POST, "/form/form-data", "{\"processDefinitionId\":\"" + definitionId
                + "\",\"properties\":[{\"id\":\"title\",\"value\":\"Laptop\"},{\"id\":\"amount\",\"value\":\"2500\"},"
                + "{\"id\":\"category\",\"value\":\"it\"}]}");
        assertThat(good.getStatusCode().value()).as(good.getBody()).isEqualTo(403);
        assertThat(body(good).path("message").asText()).contains("POST /process-api/runtime/process-instances");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).as("nothing started").isZero();
    }
}

package io.opsflow.approval.api.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.ApprovalFixtures;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.UUID;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Drafts, 409 on concurrent edits, publish-time refusal of a condition on a missing field, publish, BPMN, predict, access. */
@OpsflowIntegrationTest
class ApprovalDefinitionApiIT {

    @Autowired TestRestTemplate rest;
    @Autowired ApprovalFixtures fx;
    @Autowired RepositoryService repositoryService;

    static String model(String code, String approver, String conditionField) {
        return """
                {"code": "%s", "name": "Purchase %s",
                 "form": {"fields": [{"id": "amount", "label": "Amount", "type": "number"}]},
                 "nodes": [
                   {"type": "approver", "id": "lead", "name": "Lead", "assignee": {"kind": "users", "users": ["%s"]}, "method": "any"},
                   {"type": "condition", "id": "big", "name": "Big?",
                    "branches": [{"name": "over 1000", "conditions": [{"field": "%s", "operator": "gt", "value": "1000"}],
                                  "nodes": [{"type": "cc", "id": "ccLead", "users": ["%s"]}]}],
                    "defaultBranch": {"name": "otherwise", "nodes": []}}]}
                """.formatted(code, code, approver, conditionField, approver);
    }

    ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange("/api/v1/approval-definitions" + path, method,
                new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void concurrentEditsConflictAndAMissingConditionFieldIsRefusedAtPublish() {
        String designer = fx.user("apidesign", "designer");
        String approver = fx.user("apiapprover");
        String code = "p-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(call(designer, HttpMethod.POST, "", model(code, approver, "price")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(call(designer, HttpMethod.POST, "", model(code, approver, "price")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<String> refused = call(designer, HttpMethod.POST, "/" + code + "/publish", null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("node 'big'").contains("missing form field 'price'");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("approval-" + code).count()).isZero();

        String fixed = "{\"version\": 1, \"model\": " + model(code, approver, "amount") + "}";
        assertThat(call(designer, HttpMethod.PUT, "/" + code, fixed).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> stale = call(designer, HttpMethod.PUT, "/" + code, fixed);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).contains("version 2").doesNotContain("Exception");

        ResponseEntity<String> published = call(designer, HttpMethod.POST, "/" + code + "/publish", null);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("approval-" + code).singleResult()
                .getCategory()).isEqualTo("opsflow-approval");
        assertThat(call(designer, HttpMethod.GET, "/" + code + "/bpmn", null).getBody()).contains("bpmndi:BPMNShape")
                .contains("approvalApprovers");
        assertThat(call(designer, HttpMethod.GET, "/" + code + "/versions", null).getBody()).contains("\"version\":1");

        String staff = fx.user("apistaff", "staff");
        ResponseEntity<String> predicted = call(staff, HttpMethod.POST, "/approval-" + code + "/predict", "{\"values\": {\"amount\": 5}}");
        assertThat(predicted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(predicted.getBody()).contains("\"nodeId\":\"lead\"").contains(approver);
        assertThat(call(staff, HttpMethod.GET, "", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void unknownKeysAndUsersAreA400() {
        String designer = fx.user("apibad", "designer");
        ResponseEntity<String> typo = call(designer, HttpMethod.POST, "/validate", "{\"code\": \"x\", \"requried\": true}");
        assertThat(typo.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(typo.getBody()).contains("unknown key 'requried'");
        ResponseEntity<String> ghost = call(designer, HttpMethod.POST, "/validate", model("ghost", "no-such-user-x", "amount"));
        assertThat(ghost.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ghost.getBody()).contains("\"valid\":false").contains("unknown user 'no-such-user-x'");
    }
}

package io.opsflow.design;

import static io.opsflow.design.ModelApiCalls.file;
import static io.opsflow.design.ModelApiCalls.json;
import static io.opsflow.design.ModelApiCalls.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /api/v1/definitions/{key}: deployed versions, the diff between two, and the dry run that starts nothing. */
@OpsflowIntegrationTest
class DefinitionApiIT {

    private static final String APPROVAL_LIKE = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
              <process id="KEY" name="Purchase approval" isExecutable="true">
                <startEvent id="Start"/>
                <sequenceFlow id="Flow_ToGate" sourceRef="Start" targetRef="Gateway_Amount"/>
                <exclusiveGateway id="Gateway_Amount" name="Large amount?" default="Flow_Small"/>
                <sequenceFlow id="Flow_Large" sourceRef="Gateway_Amount" targetRef="Task_Supervisor">
                  <conditionExpression xsi:type="tFormalExpression">${amount &gt; 1000}</conditionExpression>
                </sequenceFlow>
                <sequenceFlow id="Flow_Small" sourceRef="Gateway_Amount" targetRef="Task_Staff"/>
                <userTask id="Task_Supervisor" name="Supervisor approves" flowable:candidateGroups="GROUP"/>
                <userTask id="Task_Staff" name="Staff approve" flowable:assignee="${requester}"/>
                <sequenceFlow id="Flow_S1" sourceRef="Task_Supervisor" targetRef="End"/>
                <sequenceFlow id="Flow_S2" sourceRef="Task_Staff" targetRef="End"/>
                <endEvent id="End"/>
              </process>
            </definitions>
            """;

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;

    String designer() {
        return TestUsers.create(identityService, "definitions-designer", Groups.DESIGNER);
    }

    @Test
    void versionsListEveryDeploymentAndTheDiffNamesWhatChanged() {
        String key = TestUsers.uniqueId("diffed");
        String v1 = withKey(file("processes/service-request.bpmn20.xml"), "service-request", key);
        deploy(key, v1);
        deploy(key, v1.replace("name=\"Review the work\"", "name=\"Review\"")
                .replace("flowable:candidateGroups=\"staff\"", "flowable:candidateGroups=\"team-north\""));
        runtimeService.startProcessInstanceByKey(key, Map.of("title", "t"));
        String designer = designer();

        JsonNode versions = json(get(designer, "/" + key + "/versions"));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).path("runningInstances").asLong()).isOne();
        assertThat(versions.get(1).path("runningInstances").asLong()).isZero();

        var diff = get(designer, "/" + key + "/diff?from=1&to=2");
        assertThat(diff.getStatusCode().value()).isEqualTo(200);
        JsonNode changes = json(diff).path("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.findValuesAsText("elementId")).containsExactlyInAnyOrder("Task_HandleRequest", "Task_ReviewRequest");
        assertThat(changes.get(0).path("change").asText()).isEqualTo("changed");
        assertThat(changes.get(0).path("kind").asText()).isEqualTo("userTask");
        assertThat(details(changes)).contains("name: 'Review the work' → 'Review'", "flowable:candidateGroups: 'staff' → 'team-north'");

        var xml = get(designer, "/" + key + "/versions/1/xml");
        assertThat(xml.getBody()).contains("name=\"Review the work\"");
    }

    @Test
    void aDryRunOfTheWorkOrderFollowsTheGatewaysAndNamesWhoGetsEachTaskWithoutStartingAnything() {
        String key = TestUsers.uniqueId("dry-work-order");
        deploy(key, withKey(file("processes/work-order.bpmn20.xml"), "work-order", key));
        String supervisor = TestUsers.create(identityService, "dry-supervisor", Groups.SUPERVISOR);
        long jobs = managementService.createJobQuery().count() + managementService.createTimerJobQuery().count();

        var response = post(designer(), "/" + key + "/dry-run",
                Map.of("variables", Map.of("candidateFound", true, "assignee", "sam", "acceptance", "accepted")));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode run = json(response);
        assertThat(run.path("completed").asBoolean()).isTrue();
        assertThat(run.path("version").asInt()).isOne();
        assertThat(run.path("steps").findValuesAsText("elementId")).containsExactly("Start_WorkOrderCreated", "Service_AssignWorkOrder",
                "Gateway_CandidateFound", "Service_NotifyAssignee", "Task_PerformWork", "Service_RecordSubmission",
                "Service_NotifySupervisors", "Task_AcceptWork", "Gateway_Accepted", "Service_ArchiveWorkOrder", "End_Archived");
        JsonNode perform = step(run, "Task_PerformWork");
        assertThat(perform.path("assignment").path("assignee").asText()).isEqualTo("sam");
        JsonNode accept = step(run, "Task_AcceptWork");
        assertThat(accept.path("assignment").path("candidateGroups").get(0).asText()).isEqualTo(Groups.SUPERVISOR);
        assertThat(texts(accept.path("assignment").path("groupMembers"))).contains(supervisor);

        var rejected = json(post(designer(), "/" + key + "/dry-run",
                Map.of("variables", Map.of("candidateFound", false))));
        assertThat(rejected.path("steps").get(3).path("elementId").asText()).isEqualTo("Task_ManualDispatch");
        assertThat(rejected.path("steps").get(3).path("via").asText()).isEqualTo("Flow_NoCandidate");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processDefinitionId(
                repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getId()).count()).isZero();
        assertThat(managementService.createJobQuery().count() + managementService.createTimerJobQuery().count()).isEqualTo(jobs);
    }

    @Test
    void anApprovalLikeGatewayChoosesByAmountAndAMissingVariableStopsWithANote() {
        String key = TestUsers.uniqueId("dry-approval");
        deploy(key, APPROVAL_LIKE.replace("KEY", key).replace("GROUP", Groups.SUPERVISOR));
        String designer = designer();

        JsonNode large = json(post(designer, "/" + key + "/dry-run", Map.of("variables", Map.of("amount", 5000))));
        assertThat(large.path("steps").findValuesAsText("elementId")).containsExactly("Start", "Gateway_Amount", "Task_Supervisor", "End");
        assertThat(step(large, "Task_Supervisor").path("via").asText()).isEqualTo("Flow_Large");

        JsonNode small = json(post(designer, "/" + key + "/dry-run", Map.of("version", 1, "variables", Map.of("amount", 10, "requester", "rita"))));
        assertThat(step(small, "Task_Staff").path("assignment").path("assignee").asText()).isEqualTo("rita");

        JsonNode missing = json(post(designer, "/" + key + "/dry-run", Map.of("variables", Map.of())));
        assertThat(missing.path("completed").asBoolean()).isFalse();
        assertThat(missing.path("stoppedBecause").asText()).contains("Flow_Large").contains("amount");
    }

    @Test
    void badVariablesAre400StaffAre403AndUnknownKeysOrVersions404() {
        String key = TestUsers.uniqueId("dry-guarded");
        deploy(key, APPROVAL_LIKE.replace("KEY", key).replace("GROUP", Groups.SUPERVISOR));
        String designer = designer();
        String staff = TestUsers.create(identityService, "dry-staff", Groups.STAFF);

        var badName = post(designer, "/" + key + "/dry-run", Map.of("variables", Map.of("1st", 1)));
        assertThat(badName.getStatusCode().value()).isEqualTo(400);
        assertThat(json(badName).path("message").asText()).contains("'1st' is no variable name");
        var notAnObject = send(designer, HttpMethod.POST, "/" + key + "/dry-run", "{\"variables\": \"amount=5\"}");
        assertThat(notAnObject.getStatusCode().value()).isEqualTo(400);
        var notJson = send(designer, HttpMethod.POST, "/" + key + "/dry-run", "{variables:");
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody()).doesNotContain("Exception").doesNotContain("at com.");

        assertThat(post(staff, "/" + key + "/dry-run", Map.of("variables", Map.of())).getStatusCode().value()).isEqualTo(403);
        assertThat(get(staff, "/" + key + "/versions").getStatusCode().value()).isEqualTo(403);
        assertThat(get(staff, "/" + key + "/diff?from=1&to=1").getStatusCode().value()).isEqualTo(403);

        String unknown = TestUsers.uniqueId("no-such-process");
        assertThat(post(designer, "/" + unknown + "/dry-run", Map.of("variables", Map.of())).getStatusCode().value()).isEqualTo(404);
        assertThat(get(designer, "/" + unknown + "/versions").getStatusCode().value()).isEqualTo(404);
        assertThat(get(designer, "/" + key + "/diff?from=1&to=7").getStatusCode().value()).isEqualTo(404);
        assertThat(post(designer, "/" + key + "/dry-run", Map.of("version", 9, "variables", Map.of())).getStatusCode().value()).isEqualTo(404);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }

    @Test
    void aDryRunOfTheShippedWorkOrderShowsTheDueTimeEscalationOnTheWorkStepAndRefusesToTakeANonInterruptingTimer() {
        String designer = designer();
        Map<String, Object> variables = Map.of("candidateFound", true, "assignee", "sam", "acceptance", "accepted");
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("work-order").count();
        long jobs = managementService.createJobQuery().count() + managementService.createTimerJobQuery().count();

        JsonNode run = json(post(designer, "/work-order/dry-run", Map.of("variables", variables)));

        assertThat(run.path("completed").asBoolean()).isTrue();
        JsonNode boundaries = step(run, "Task_PerformWork").path("boundaryEvents");
        assertThat(boundaries.findValuesAsText("id")).containsExactly("Timer_Overdue", "Timer_OverdueForAdmins");
        assertThat(boundaries.get(0).path("name").asText()).isEqualTo("Due time passed");
        assertThat(boundaries.get(0).path("kind").asText()).isEqualTo("timer");
        assertThat(boundaries.get(0).path("trigger").asText()).isEqualTo("timeDate ${dueAt}");
        assertThat(boundaries.get(0).path("interrupting").asBoolean()).isFalse();
        assertThat(boundaries.get(0).path("leadsTo").asText()).isEqualTo("Service_RecordOverdue");
        assertThat(boundaries.get(1).path("trigger").asText()).isEqualTo("timeDate ${escalateAt}");
        assertThat(boundaries.get(1).path("leadsTo").asText()).isEqualTo("Service_RecordSecondLevel");
        assertThat(step(run, "Task_AcceptWork").path("boundaryEvents")).isEmpty();
        assertThat(step(run, "Task_PerformWork").has("in")).isTrue();
        assertThat(step(run, "Task_PerformWork").path("in").isNull()).isTrue();

        var nonInterrupting = post(designer, "/work-order/dry-run",
                Map.of("variables", variables, "boundary", Map.of("Task_PerformWork", "Timer_Overdue")));
        assertThat(nonInterrupting.getStatusCode().value()).isEqualTo(400);
        assertThat(json(nonInterrupting).path("message").asText()).contains("Timer_Overdue does not interrupt Task_PerformWork");
        var unknown = post(designer, "/work-order/dry-run", Map.of("variables", variables, "boundary", Map.of("Task_AcceptWork", "Timer_Overdue")));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(json(unknown).path("message").asText()).isEqualTo("'Timer_Overdue' is no boundary event of Task_AcceptWork.");
        assertThat(unknown.getBody()).doesNotContain("Exception");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("work-order").count()).isEqualTo(instances);
        assertThat(managementService.createJobQuery().count() + managementService.createTimerJobQuery().count()).isEqualTo(jobs);
    }

    private void deploy(String key, String xml) {
        repositoryService.createDeployment().name(key).addString(key + ".bpmn20.xml", xml).deploy();
    }

    private static JsonNode step(JsonNode run, String elementId) {
        for (JsonNode step : run.path("steps")) {
            if (elementId.equals(step.path("elementId").asText())) {
                return step;
            }
        }
        throw new AssertionError(elementId + " is not on the path: " + run);
    }

    private static List<String> details(JsonNode changes) {
        List<String> all = new ArrayList<>();
        changes.forEach(change -> change.path("details").forEach(detail -> all.add(detail.asText())));
        return all;
    }

    private static List<String> texts(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(value -> all.add(value.asText()));
        return all;
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange("/api/v1/definitions" + path, HttpMethod.GET, null, String.class);
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        try {
            return send(user, HttpMethod.POST, path, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String json) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange("/api/v1/definitions" + path, method, new HttpEntity<>(json, headers),
                String.class);
    }
}

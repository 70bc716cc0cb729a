package io.opsflow.engine.rest;

import static io.opsflow.engine.rest.ProcessApiCalls.ids;
import static io.opsflow.engine.rest.ProcessApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Per-object access on Flowable's /process-api: user A never sees or touches user B's work. */
@OpsflowIntegrationTest
class ProcessApiAccessIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    ProcessApiCalls api;
    String alice;
    String bob;
    String alicesInstance;
    String bobsInstance;
    String bobsTask;

    @BeforeEach
    void twoStaffUsersWithOneRequestEach() {
        api = new ProcessApiCalls(rest, identityService, repositoryService);
        alice = api.newUser("alice", "staff");
        bob = api.newUser("bob", "staff");
        alicesInstance = api.startPersonal(alice);
        bobsInstance = api.startPersonal(bob);
        bobsTask = api.taskOf(bob, bobsInstance);
    }

    @Test
    void withoutCredentialsAnswers401Json() {
        ResponseEntity<String> response = rest.getForEntity("/process-api/runtime/tasks", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aUserCannotReadOrActOnSomeoneElsesTaskOrInstance() {
        assertHidden(api.get(alice, "/runtime/tasks/" + bobsTask));
        assertHidden(api.get(alice, "/runtime/tasks/" + bobsTask + "/variables"));
        assertHidden(api.get(alice, "/runtime/tasks/" + bobsTask + "/comments"));
        assertHidden(api.get(alice, "/runtime/tasks/" + bobsTask + "/attachments"));
        assertHidden(api.get(alice, "/runtime/tasks/" + bobsTask + "/identitylinks"));
        assertHidden(api.post(alice, "/runtime/tasks/" + bobsTask, Map.of("action", "complete")));
        assertHidden(api.post(alice, "/runtime/tasks/" + bobsTask + "/comments", Map.of("message", "mine now")));
        assertHidden(api.put(alice, "/runtime/tasks/" + bobsTask, Map.of("assignee", alice)));
        assertHidden(api.get(alice, "/runtime/process-instances/" + bobsInstance));
        assertHidden(api.get(alice, "/runtime/process-instances/" + bobsInstance + "/variables"));
        assertHidden(api.get(alice, "/runtime/process-instances/" + bobsInstance + "/variables/note"));
        assertHidden(api.post(alice, "/runtime/process-instances/" + bobsInstance + "/variables",
                java.util.List.of(Map.of("name", "x", "type", "string", "value", "y"))));
        assertHidden(api.get(alice, "/history/historic-process-instances/" + bobsInstance));
        assertHidden(api.get(alice, "/history/historic-process-instances/" + bobsInstance + "/comments"));
        assertHidden(api.get(alice, "/history/historic-task-instances/" + bobsTask));
        assertHidden(api.post(alice, "/query/historic-variable-instances", Map.of("processInstanceId", bobsInstance)));
        assertHidden(api.post(alice, "/query/variables", Map.of("processInstanceId", bobsInstance)));
        assertHidden(api.get(alice, "/history/historic-activity-instances?processInstanceId=" + bobsInstance));
        assertThat(api.get(bob, "/runtime/tasks/" + bobsTask).getStatusCode().value()).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(bobsTask).singleResult().getAssignee()).isEqualTo(bob);
    }

    @Test
    void attachmentsOfSomeoneElsesTaskAreHiddenAndOwnOnesDownloadAsAttachments() {
        String attachmentId;
        Authentication.setAuthenticatedUserId(bob);
        try {
            attachmentId = taskService.createAttachment("text/html", bobsTask, bobsInstance, "photo.jpg", "a photo",
                    new ByteArrayInputStream("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).getId();
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
        String content = "/runtime/tasks/" + bobsTask + "/attachments/" + attachmentId + "/content";
        assertHidden(api.get(alice, "/runtime/tasks/" + bobsTask + "/attachments/" + attachmentId));
        assertHidden(api.send(alice, HttpMethod.GET, content, HttpEntity.EMPTY));

        ResponseEntity<String> own = api.send(bob, HttpMethod.GET, content, HttpEntity.EMPTY);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(own.getHeaders().get("Content-Disposition")).containsExactly("attachment");
        assertThat(own.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void listQueriesShowOnlyTheCallersOwnWorkWhileAdminSeesAll() {
        String alicesTask = api.taskOf(alice, alicesInstance);
        assertThat(ids(api.get(alice, "/runtime/tasks?size=1000"))).contains(alicesTask).doesNotContain(bobsTask);
        assertThat(ids(api.post(alice, "/query/tasks", Map.of("size", 1000)))).contains(alicesTask).doesNotContain(bobsTask);
        assertThat(ids(api.get(alice, "/runtime/process-instances?size=1000")))
                .contains(alicesInstance).doesNotContain(bobsInstance);
        assertThat(ids(api.post(alice, "/query/process-instances", Map.of("size", 1000))))
                .contains(alicesInstance).doesNotContain(bobsInstance);
        assertThat(ids(api.get(alice, "/history/historic-process-instances?size=1000")))
                .contains(alicesInstance).doesNotContain(bobsInstance);
        assertThat(ids(api.get(alice, "/history/historic-task-instances?size=1000")))
                .contains(alicesTask).doesNotContain(bobsTask);
        assertThat(json(api.post(alice, "/query/historic-variable-instances", Map.of("processInstanceId", alicesInstance)))
                        .get("data").toString())
                .contains("private note of " + alice).doesNotContain("private note of " + bob);
        assertThat(api.post(alice, "/query/historic-variable-instances", Map.of()).getStatusCode().value())
                .as("an unscoped variable query is refused").isEqualTo(403);

        assertThat(ids(api.get("admin", "/runtime/tasks?size=1000&processDefinitionKey=personal-request")))
                .contains(alicesTask, bobsTask);
        assertThat(ids(api.get("admin", "/runtime/process-instances?size=1000&processDefinitionKey=personal-request")))
                .contains(alicesInstance, bobsInstance);
    }

    @Test
    void staffAreRefusedCodeRunningAndEngineWideOperations() {
        for (var call : java.util.List.of(
                api.get(alice, "/management/jobs"),
                api.get(alice, "/management/deadletter-jobs"),
                api.get(alice, "/management/timer-jobs"),
                api.get(alice, "/management/tables"),
                api.get(alice, "/management/tables/ACT_ID_USER/data"),
                api.get(alice, "/management/engine"),
                api.put(alice, "/runtime/process-instances/" + alicesInstance + "/change-state",
                        Map.of("cancelActivityIds", java.util.List.of("Task_HandleOwnRequest"), "startActivityIds",
                                java.util.List.of("End_Handled"))),
                api.post(alice, "/runtime/process-instances/" + alicesInstance + "/migrate", Map.of()),
                api.post(alice, "/runtime/process-instances/" + alicesInstance + "/inject", Map.of()),
                api.post(alice, "/runtime/signals", Map.of("signalName", "anything")),
                api.get(alice, "/repository/deployments"),
                api.post(alice, "/identity/users", Map.of("id", "intruder", "password", "x")),
                deploy(alice, "plain.bpmn20.xml", plainProcess("plain-" + alice))) ) {
            assertThat(call.getStatusCode().value()).as(call.getBody()).isEqualTo(403);
            assertThat(json(call).get("message").asText()).isNotBlank();
        }
        assertThat(api.get(alice, "/identity/users?size=5").getStatusCode().value()).as("user pickers").isEqualTo(200);
    }

    @Test
    void designersDeployPlainModelsButOnlyAdminsDeployCodeRunningOnes() {
        String designer = api.newUser("dora", "designer");
        String suffix = designer.substring(designer.indexOf('-') + 1);
        assertThat(deploy(designer, "plain.bpmn20.xml", plainProcess("plain-" + suffix)).getStatusCode().value()).isEqualTo(201);
        assertThat(deploy(designer, "script.bpmn20.xml", scriptProcess("script-" + suffix)).getStatusCode().value()).isEqualTo(403);
        assertThat(deploy(designer, "class.bpmn20.xml", classProcess("class-" + suffix)).getStatusCode().value()).isEqualTo(403);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("script-" + suffix).count()).isZero();
        assertThat(deploy("admin", "script.bpmn20.xml", scriptProcess("script-" + suffix)).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aDoctypeInADeploymentIsRefusedWithoutEchoingAnything() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <process id="xxe" isExecutable="true"><documentation>&secret;</documentation><startEvent id="s"/></process>
                </definitions>
                """;
        ResponseEntity<String> response = deploy("admin", "xxe.bpmn20.xml", xxe);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).doesNotContain("root:").doesNotContain("Exception").doesNotContain("/etc/passwd");
    }

    /** A team task (candidate group only), started by the admin: its id. */
    private String teamTask(String group) {
        String key = "team-" + group;
        repositoryService.createDeployment().name(key).addString(key + ".bpmn20.xml",
                process(key, "<userTask id=\"Task_Do\" flowable:candidateGroups=\"" + group + "\"/>")).deploy();
        String instance = runtimeService.startProcessInstanceByKey(key).getId();
        return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static List<Map<String, String>> variable(String name, String value) {
        return List.of(Map.of("name", name, "type", "string", "value", value));
    }

    private static void assertForbidden(ResponseEntity<String> response, String message) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        assertThat(json(response).get("message").asText()).contains(message);
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("io.opsflow");
    }

    @Test
    void onlyTheAssigneeCompletesATaskOrWritesItsVariablesAndAnUnassignedOneIsClaimedFirst() {
        String team = "team-" + alice.substring(alice.indexOf('-') + 1);
        String carol = api.newUser("carol", "staff", team);
        String dave = api.newUser("dave", "staff", team);
        String task = teamTask(team);
        taskService.setVariableLocal(task, "note", "as set");

        assertForbidden(api.post(carol, "/runtime/tasks/" + task, Map.of("action", "complete")), "claim this task first");
        assertForbidden(api.post(carol, "/runtime/tasks/" + task + "/variables", variable("extra", "x")), "claim this task first");
        assertThat(api.post(carol, "/runtime/tasks/" + task, Map.of("action", "claim", "assignee", carol)).getStatusCode().value()).isEqualTo(200);

        String path = "/runtime/tasks/" + task;
        assertForbidden(api.post(dave, path, Map.of("action", "complete", "variables", variable("amount", "1"))),
                "assigned to someone else");
        assertForbidden(api.post(dave, path, Map.of("action", "resolve")), "assigned to someone else");
        assertForbidden(api.post(dave, "/form/form-data", Map.of("taskId", task, "properties", List.of(Map.of("id", "x", "value", "y")))),
                "assigned to someone else");
        assertForbidden(api.post(dave, path + "/variables", variable("extra", "x")), "assigned to someone else");
        assertForbidden(api.put(dave, path + "/variables/note", Map.of("name", "note", "type", "string", "value", "changed")),
                "assigned to someone else");
        assertForbidden(api.send(dave, HttpMethod.DELETE, path + "/variables/note", HttpEntity.EMPTY), "assigned to someone else");

        var stillOpen = taskService.createTaskQuery().taskId(task).singleResult();
        assertThat(stillOpen).as("the task is still open").isNotNull();
        assertThat(stillOpen.getAssignee()).isEqualTo(carol);
        assertThat(taskService.getVariablesLocal(task)).containsExactly(Map.entry("note", "as set"));

        assertThat(api.put(carol, path + "/variables/note", Map.of("name", "note", "type", "string", "value", "by carol"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(taskService.getVariableLocal(task, "note")).isEqualTo("by carol");
        assertThat(api.post(carol, path, Map.of("action", "complete", "variables", variable("done", "yes"))).getStatusCode().value())
                .isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    }

    @Test
    void adminsCompleteAnyTask() {
        String bobsTaskPath = "/runtime/tasks/" + bobsTask;
        assertThat(api.post("admin", bobsTaskPath + "/variables", variable("fixed", "by admin")).getStatusCode().value()).isEqualTo(201);
        assertThat(taskService.getVariableLocal(bobsTask, "fixed")).isEqualTo("by admin");
        assertThat(api.post("admin", bobsTaskPath, Map.of("action", "complete")).getStatusCode().value()).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(bobsTask).count()).isZero();
    }

    @Test
    void instanceVariablesAreWrittenByIntegratorsWhoMaySeeTheInstanceAndByAdminsOnly() {
        String instancePath = "/runtime/process-instances/" + alicesInstance + "/variables";
        String executionPath = "/runtime/executions/" + alicesInstance + "/variables";
        String only = "for integrators and admins";
        assertForbidden(api.post(alice, instancePath, variable("extra", "x")), only);
        assertForbidden(api.put(alice, instancePath + "/note", Map.of("name", "note", "type", "string", "value", "changed")), only);
        assertForbidden(api.put(alice, instancePath, variable("note", "changed")), only);
        assertForbidden(api.send(alice, HttpMethod.DELETE, instancePath + "/note", HttpEntity.EMPTY), only);
        // Executions are admin-only already by URL rule (ApiAccessRules), before the interceptor.
        assertThat(api.put(alice, executionPath, variable("note", "changed")).getStatusCode().value()).isEqualTo(403);
        assertThat(runtimeService.getVariables(alicesInstance)).containsOnlyKeys("note", "initiator")
                .containsEntry("note", "private note of " + alice);

        String integrator = api.newUser("ian", "integrator");
        String integratorsInstance = api.startPersonal(integrator);
        assertHidden(api.put(integrator, instancePath + "/note", Map.of("name", "note", "type", "string", "value", "changed")));
        assertThat(api.put(integrator, "/runtime/process-instances/" + integratorsInstance + "/variables/note",
                Map.of("name", "note", "type", "string", "value", "by the integrator")).getStatusCode().value()).isEqualTo(200);
        assertThat(runtimeService.getVariable(integratorsInstance, "note")).isEqualTo("by the integrator");

        assertThat(api.put("admin", instancePath + "/note", Map.of("name", "note", "type", "string", "value", "by admin"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(runtimeService.getVariable(alicesInstance, "note")).isEqualTo("by admin");
    }

    @Test
    void aFormDataStartOfAProcessWithoutAStartCheckStillStarts() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("personal-request")
                .latestVersion().singleResult().getId();
        var started = api.post(alice, "/form/form-data", Map.of("processDefinitionId", definition,
                "properties", List.of(Map.of("id", "note", "value", "by form data"))));
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        assertThat(runtimeService.getVariable(json(started).get("id").asText(), "note")).isEqualTo("by form data");
    }

    @Test
    void hiddenFlowableApisAnswer404() {
        assertThat(rest.withBasicAuth("admin", "admin-test-password").getForEntity("/idm-api/users", String.class)
                        .getStatusCode().value())
                .isEqualTo(404);
    }

    private ResponseEntity<String> deploy(String user, String fileName, String bpmn) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return api.send(user, HttpMethod.POST, "/repository/deployments", new HttpEntity<>(parts, headers));
    }

    private static String plainProcess(String key) {
        return process(key, "<userTask id=\"Task_Do\" flowable:candidateGroups=\"staff\"/>");
    }

    private static String scriptProcess(String key) {
        return process(key, "<scriptTask id=\"Task_Do\" scriptFormat=\"groovy\"><script>'rm -rf /'.execute()</script></scriptTask>");
    }

    private static String classProcess(String key) {
        return process(key, "<serviceTask id=\"Task_Do\" flowable:class=\"java.lang.Runtime\"/>");
    }

    private static String process(String key, String task) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                             targetNamespace="http://opsflow.io/test">
                  <process id="%s" isExecutable="true">
                    <startEvent id="Start"/>
                    <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Do"/>
                    %s
                    <sequenceFlow id="Flow_2" sourceRef="Task_Do" targetRef="End"/>
                    <endEvent id="End"/>
                  </process>
                </definitions>
                """.formatted(key, task);
    }

    private static void assertHidden(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(403, 404);
        assertThat(response.getBody()).doesNotContain("private note").doesNotContain("Exception");
    }
}

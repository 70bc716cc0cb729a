package io.opsflow.approval.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.approval.ApprovalFixtures;
import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.ApprovalForm;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code POST /api/v1/approvals/tasks/{t}/resubmit} checks the values like a start (decision 0078) against the form
 * of the version the approval runs: a good resubmission goes on at the first node with the new values (fields left out
 * keep theirs) and the chain routes by them; each kind of bad value answers 400 with {@code fieldErrors} and changes
 * nothing. Completing the returned task through {@code /process-api} is refused.
 */
@OpsflowIntegrationTest
class ApprovalResubmitApiIT {

    @Autowired WebApplicationContext context;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ApprovalDefinitions definitions;
    @Autowired ApprovalFixtures fixtures;
    @Autowired TestRestTemplate rest;

    final ObjectMapper json = new ObjectMapper();
    MockMvc mvc;
    ApprovalFixtures.Purchasers people;
    String starter;
    String lead;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        people = fixtures.purchasers("rs");
        starter = people.starter();
        lead = people.lead();
    }

    /** The purchase form and chain, published once: its model (version 1). */
    private SimpleModel publishPurchase() {
        SimpleModel model = ApprovalFixtures.model(ApprovalFixtures.purchaseFields(),
                ApprovalFixtures.leadThenDirectorOver1000(lead, people.director()));
        definitions.create(model, people.designer());
        definitions.publish(model.code(), null, people.designer());
        return model;
    }

    /** Starts a small purchase (the lead only) and has the lead return it to the starter: the pid. */
    private String startedAndReturned(SimpleModel model) throws Exception {
        String started = mvc.perform(post("/api/v1/approvals").with(httpBasic(starter, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"definitionKey\":\"" + ApprovalDefinitions.processKey(model.code()) + "\",\"form\":{\"title\":\"Mouse\","
                                + "\"amount\":800,\"category\":\"it\",\"needed\":\"2026-12-24\",\"urgent\":true}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String pid = json.readTree(started).path("summary").path("processInstanceId").asText();
        mvc.perform(post("/api/v1/approvals/tasks/" + taskOf(pid, lead) + "/return").with(httpBasic(lead, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"starter\",\"comment\":\"Which mouse?\"}"))
                .andExpect(status().isOk());
        return pid;
    }

    private String taskOf(String pid, String user) {
        return taskService.createTaskQuery().processInstanceId(pid).taskAssignee(user).singleResult().getId();
    }

    private ResultActions resubmit(String taskId, String body) throws Exception {
        return mvc.perform(post("/api/v1/approvals/tasks/" + taskId + "/resubmit").with(httpBasic(starter, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode timeline(String pid) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/approvals/" + pid + "/timeline").with(httpBasic(starter, TestUsers.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** What a refused resubmission must leave as it was: the variables, the open tasks and the timeline. */
    private record State(Map<String, Object> variables, List<String> openTasks, JsonNode timeline) {}

    private State state(String pid) throws Exception {
        return new State(runtimeService.getVariables(pid),
                taskService.createTaskQuery().processInstanceId(pid).list().stream().map(Task::getId).sorted().toList(), timeline(pid));
    }

    @Test
    void aGoodResubmissionGoesOnAtTheFirstNodeWithTheNewValuesAndTheChainRoutesByThem() throws Exception {
        String pid = startedAndReturned(publishPurchase());

        resubmit(taskOf(pid, starter), "{\"form\":{\"amount\":\"2500\",\"needed\":\"\"},\"comment\":\"The 14-inch one\"}")
                .andExpect(status().isOk());

        assertThat(taskService.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey()).isEqualTo("lead");
        Map<String, Object> variables = runtimeService.getVariables(pid);
        assertThat(variables).containsEntry("amount", 2500L).containsEntry("title", "Mouse").containsEntry("category", "it")
                .containsEntry("urgent", true);
        assertThat(variables).as("an optional field sent empty is cleared").doesNotContainKey("needed");
        List<String> kinds = new ArrayList<>();
        timeline(pid).forEach(item -> kinds.add(item.path("kind").asText()));
        assertThat(kinds).contains("RESUBMITTED");

        mvc.perform(post("/api/v1/approvals/tasks/" + taskOf(pid, lead) + "/approve").with(httpBasic(lead, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ok\"}"))
                .andExpect(status().isOk());
        assertThat(taskService.createTaskQuery().processInstanceId(pid).taskAssignee(people.director()).count())
                .as("the resubmitted 2,500 takes the director's branch").isEqualTo(1);
    }

    @Test
    void eachValueThatDoesNotFitTheFormAnswers400AndChangesNothing() throws Exception {
        String pid = startedAndReturned(publishPurchase());
        String task = taskOf(pid, starter);
        State before = state(pid);

        resubmit(task, "{\"form\":{\"title\":\"\"}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.message").value(containsString("fieldErrors")))
                .andExpect(jsonPath("$.correlationId").exists())
                .andExpect(jsonPath("$.fieldErrors", aMapWithSize(1)))
                .andExpect(jsonPath("$.fieldErrors.title").value("Fill this in."));
        for (ApprovalFixtures.BadValue bad : ApprovalFixtures.badPurchaseValues()) {
            resubmit(task, "{\"form\":{\"" + bad.field() + "\":" + bad.json() + "}}").andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors", aMapWithSize(1)))
                    .andExpect(jsonPath("$.fieldErrors." + bad.field()).value(bad.message()));
        }
    }

    @Test
    void theFormOfTheVersionTheApprovalRunsIsCheckedNotTheLatest() throws Exception {
        SimpleModel v1 = publishPurchase();
        String pid = startedAndReturned(v1);
        List<FormFieldSpec> fields = new ArrayList<>(v1.form().fields());
        fields.add(FormFieldSpec.of("project", "Project", "text").asRequired());
        SimpleModel v2 = new SimpleModel(v1.code(), v1.name(), v1.description(), new ApprovalForm(fields), v1.nodes());
        definitions.update(v1.code(), definitions.get(v1.code()).version(), v2, people.designer());
        definitions.publish(v1.code(), null, people.designer());
        String task = taskOf(pid, starter);

        resubmit(task, "{\"form\":{\"project\":\"Apollo\"}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.project").value("This approval's form has no field project."));
        resubmit(task, "{\"form\":{\"title\":\"Mouse pad\"}}").andExpect(status().isOk());

        assertThat(runtimeService.getVariables(pid)).containsEntry("title", "Mouse pad").doesNotContainKey("project");
    }

    @Test
    void completingTheReturnedTaskThroughTheProcessApiIsRefusedAndChangesNothing() throws Exception {
        String pid = startedAndReturned(publishPurchase());
        String task = taskOf(pid, starter);
        State before = state(pid);
        var asStarter = rest.withBasicAuth(starter, TestUsers.PASSWORD);

        ResponseEntity<String> completed = asStarter.postForEntity("/process-api/runtime/tasks/" + task,
                jsonEntity("{\"action\":\"complete\",\"variables\":[{\"name\":\"amount\",\"value\":\"garbage\"}]}"), String.class);
        assertThat(completed.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(completed.getBody()).path("message").asText()).contains("/api/v1/approvals/tasks/" + task + "/resubmit");
        assertThat(completed.getBody()).doesNotContain("Exception");

        ResponseEntity<String> submitted = asStarter.postForEntity("/process-api/form/form-data",
                jsonEntity("{\"taskId\":\"" + task + "\",\"properties\":[{\"id\":\"amount\",\"value\":\"garbage\"}]}"), String.class);
        assertThat(submitted.getStatusCode().value()).isEqualTo(403);

        String stranger = TestUsers.create(identityService, "rs-stranger", Groups.STAFF);
        ResponseEntity<String> hidden = rest.withBasicAuth(stranger, TestUsers.PASSWORD).postForEntity("/process-api/runtime/tasks/" + task,
                jsonEntity("{\"action\":\"complete\"}"), String.class);
        assertThat(hidden.getStatusCode().value()).as("a task the caller may not see stays unseen").isEqualTo(404);

        assertThat(state(pid)).isEqualTo(before);
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return new HttpEntity<>(body, headers);
    }
}

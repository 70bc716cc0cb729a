package io.opsflow.approval.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.approval.ApprovalFixtures;
import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
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
 * {@code POST /api/v1/approvals} checks the values against the approval's form as the web start form does
 * (decision 0078): each kind of bad value answers 400 naming the field and starts nothing; good values start
 * typed, so the chain's condition on the amount routes 800 to the lead only and 2500 (also sent as text) on to
 * the director. A start through Flowable's {@code /process-api} gets the same check.
 */
@OpsflowIntegrationTest
class ApprovalStartApiIT {

    @Autowired WebApplicationContext context;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired ApprovalDefinitions definitions;
    @Autowired ApprovalFixtures fixtures;
    @Autowired TestRestTemplate rest;

    final ObjectMapper json = new ObjectMapper();
    MockMvc mvc;
    String designer;
    String starter;
    String lead;
    String director;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ApprovalFixtures.Purchasers people = fixtures.purchasers("sa");
        designer = people.designer();
        starter = people.starter();
        lead = people.lead();
        director = people.director();
    }

    private String publishPurchase() {
        SimpleModel model = ApprovalFixtures.model(ApprovalFixtures.purchaseFields(), ApprovalFixtures.leadThenDirectorOver1000(lead, director));
        definitions.create(model, designer);
        return definitions.publish(model.code(), null, designer).processDefinitionKey();
    }

    private ResultActions start(String key, String form) throws Exception {
        return mvc.perform(post("/api/v1/approvals").with(httpBasic(starter, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"definitionKey\":\"" + key + "\",\"form\":" + form + "}"));
    }

    private String startedId(ResultActions started) throws Exception {
        return json.readTree(started.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .path("summary").path("processInstanceId").asText();
    }

    private void approveAs(String user, String pid) throws Exception {
        String task = taskService.createTaskQuery().processInstanceId(pid).taskAssignee(user).singleResult().getId();
        mvc.perform(post("/api/v1/approvals/tasks/" + task + "/approve").with(httpBasic(user, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ok\"}"))
                .andExpect(status().isOk());
    }

    private long instances(String key) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
    }

    @Test
    void eachValueThatDoesNotFitTheFormAnswers400NamingItsFieldAndStartsNothing() throws Exception {
        String key = publishPurchase();

        start(key, "{\"amount\":800,\"category\":\"it\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.message").value(containsString("fieldErrors")))
                .andExpect(jsonPath("$.correlationId").exists())
                .andExpect(jsonPath("$.fieldErrors", aMapWithSize(1)))
                .andExpect(jsonPath("$.fieldErrors.title").value("Fill this in."));
        for (ApprovalFixtures.BadValue bad : ApprovalFixtures.badPurchaseValues()) {
            start(key, ApprovalFixtures.purchaseJsonWith(bad.field(), bad.json())).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fieldErrors", aMapWithSize(1)))
                    .andExpect(jsonPath("$.fieldErrors." + bad.field()).value(bad.message()));
        }
        start(key, ApprovalFixtures.purchaseJsonWith("lead_approvers", "[\"" + starter + "\"]")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors.lead_approvers").exists());
        start(key, "{\"title\":{\"a\":1},\"amount\":\"x\",\"category\":\"food\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fieldErrors", aMapWithSize(3)))
                .andExpect(jsonPath("$.message").value(startsWith("3 values")))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("io.opsflow"))));

        assertThat(instances(key)).isZero();
    }

    @Test
    void goodValuesStartTypedAndTheConditionRoutesTheAmountLikeTheWebForm() throws Exception {
        String key = publishPurchase();

        String small = startedId(start(key, "{\"title\":\"Mouse\",\"amount\":800,\"category\":\"it\",\"needed\":\"2026-12-24\",\"urgent\":true}"));
        assertThat(runtimeService.getVariables(small)).containsEntry("amount", 800L).containsEntry("category", "it")
                .containsEntry("needed", "2026-12-24").containsEntry("urgent", true);
        approveAs(lead, small);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(small).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(small).taskAssignee(director).count()).isZero();

        String large = startedId(start(key, "{\"title\":\"Laptop\",\"amount\":\"2500\",\"category\":\"it\"}"));
        assertThat(runtimeService.getVariable(large, "amount")).isEqualTo(2500L);
        assertThat(runtimeService.getVariable(large, "urgent")).isEqualTo(false);
        approveAs(lead, large);
        assertThat(taskService.createTaskQuery().processInstanceId(large).taskAssignee(director).count()).isEqualTo(1);

        String decimal = startedId(start(key, "{\"title\":\"Cable\",\"amount\":12.5,\"category\":\"it\"}"));
        assertThat(runtimeService.getVariable(decimal, "amount")).isEqualTo(12.5);
    }

    @Test
    void aStartThroughTheProcessApiIsCheckedAndTypedTheSameWay() throws Exception {
        String key = publishPurchase();
        var rest = this.rest.withBasicAuth(starter, TestUsers.PASSWORD);
        String bad = "{\"processDefinitionKey\":\"" + key + "\",\"variables\":[{\"name\":\"title\",\"value\":\"Laptop\"},"
                + "{\"name\":\"amount\",\"value\":\"12abc\"},{\"name\":\"category\",\"value\":\"it\"},{\"name\":\"amout\",\"value\":1}]}";

        ResponseEntity<String> refused = rest.postForEntity("/process-api/runtime/process-instances", jsonEntity(bad), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        var body = json.readTree(refused.getBody());
        assertThat(body.path("fieldErrors").path("amount").asText()).startsWith("Enter a number");
        assertThat(body.path("fieldErrors").path("amout").asText()).isEqualTo("This approval's form has no field amout.");
        assertThat(refused.getBody()).doesNotContain("Exception");
        assertThat(instances(key)).isZero();

        String good = "{\"processDefinitionKey\":\"" + key + "\",\"variables\":[{\"name\":\"title\",\"value\":\"Laptop\"},"
                + "{\"name\":\"amount\",\"value\":\"2500\"},{\"name\":\"category\",\"value\":\"it\"}]}";
        ResponseEntity<String> started = rest.postForEntity("/process-api/runtime/process-instances", jsonEntity(good), String.class);
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        String pid = json.readTree(started.getBody()).path("id").asText();
        assertThat(runtimeService.getVariable(pid, "amount")).isEqualTo(2500L);
        assertThat(runtimeService.getVariable(pid, "urgent")).isEqualTo(false);
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return new HttpEntity<>(body, headers);
    }

    @Test
    void anApprovalWithoutFormFieldsStillTakesPlainValues() throws Exception {
        SimpleModel model = ApprovalFixtures.model(List.of(),
                ApproverNode.of("lead", "Team lead", ApproverNode.Assignee.users(lead), ApproverNode.Method.SEQUENTIAL));
        definitions.create(model, designer);
        String key = definitions.publish(model.code(), null, designer).processDefinitionKey();

        String pid = startedId(start(key, "{\"note\":\"anything\",\"count\":3}"));
        assertThat(runtimeService.getVariables(pid)).containsEntry("note", "anything").containsEntry("count", 3);
        start(key, "{\"lead_approvers\":[\"" + starter + "\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("lead_approvers")));
    }
}

package io.opsflow.approval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.opsflow.approval.ApprovalFixtures;
import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.run.ApprovalRuntime;
import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The approval pages: lists, the detail with its buttons, and operations through the page forms. */
@OpsflowIntegrationTest
class ApprovalPagesIT {

    private static final String CHAIN = "approval-fx-chain";

    @Autowired WebApplicationContext context;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired ApprovalRuntime runtime;
    @Autowired ApprovalDefinitions definitions;

    MockMvc mvc;
    String starter;
    String lead;
    String board;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        repositoryService.createDeployment().name(CHAIN).addClasspathResource("approval/" + CHAIN + ".bpmn20.xml").enableDuplicateFiltering()
                .deploy();
        starter = TestUsers.create(identityService, "pg-apv-starter", "staff");
        lead = TestUsers.create(identityService, "pg-apv-lead", "staff");
        board = TestUsers.create(identityService, "pg-apv-board", "staff");
    }

    private static RequestPostProcessor as(String id) {
        return user(id).authorities(() -> "GROUP_staff");
    }

    @Test
    void theApproverApprovesAndReturnsFromTheTaskPage() throws Exception {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("title", "Team dinner");
        vars.put("lead_approvers", List.of(lead));
        vars.put("board_approvers", List.of(board));
        vars.put("anyone_approvers", List.of(board));
        String pid = runtime.startWithVariables(CHAIN, vars, new CurrentUser(starter, List.of("staff")));

        mvc.perform(get("/approvals").with(as(lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/approvals/" + pid)));
        mvc.perform(get("/approvals/" + pid).with(as(lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approve\"")))
                .andExpect(content().string(containsString("Team dinner")));
        String leadTask = taskService.createTaskQuery().processInstanceId(pid).taskAssignee(lead).singleResult().getId();
        mvc.perform(post("/approvals/tasks/" + leadTask + "/approve").with(as(lead)).with(csrf()).param("approvalId", pid).param("comment", "ok"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Approved."));
        mvc.perform(post("/approvals/tasks/" + leadTask + "/approve").with(as(lead)).with(csrf()).param("approvalId", pid))
                .andExpect(flash().attribute("warning", containsString("no longer open")));

        String boardTask = taskService.createTaskQuery().processInstanceId(pid).taskAssignee(board).singleResult().getId();
        mvc.perform(get("/approvals/" + pid).with(as(board)))
                .andExpect(content().string(containsString("id=\"return-form\"")));
        mvc.perform(post("/approvals/tasks/" + boardTask + "/return").with(as(board)).with(csrf()).param("approvalId", pid)
                        .param("target", "starter").param("comment", "say where"))
                .andExpect(flash().attribute("message", "Returned."));
        mvc.perform(get("/approvals/" + pid).with(as(starter)))
                .andExpect(content().string(containsString("id=\"resubmit\"")))
                .andExpect(content().string(containsString("say where")));
        String starterTask = taskService.createTaskQuery().processInstanceId(pid).taskAssignee(starter).singleResult().getId();
        mvc.perform(post("/approvals/tasks/" + starterTask + "/resubmit").with(as(starter)).with(csrf()).param("approvalId", pid)
                        .param("form.title", "Team dinner at 湘菜馆"))
                .andExpect(flash().attribute("message", "Resubmitted."));
        assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("lead").count()).isEqualTo(1);

        String stranger = TestUsers.create(identityService, "pg-apv-x", "staff");
        mvc.perform(get("/approvals/" + pid).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void thePageDrawsTheDiagramWithProgressPreviewsApproversAndPrints() throws Exception {
        String designer = TestUsers.create(identityService, "pg-apv-designer", "designer");
        SimpleModel model = ApprovalFixtures.model(List.of(FormFieldSpec.of("title", "Title", "text")),
                ApproverNode.of("lead", "Team lead", ApproverNode.Assignee.users(lead), ApproverNode.Method.SEQUENTIAL),
                ApproverNode.of("board", "Board", ApproverNode.Assignee.users(board), ApproverNode.Method.SEQUENTIAL));
        definitions.create(model, designer);
        String key = definitions.publish(model.code(), null, designer).processDefinitionKey();

        mvc.perform(post("/approvals/preview").with(as(starter)).with(csrf()).param("definitionKey", key).param("title", "Desk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"predicted-approvers\"")))
                .andExpect(content().string(containsString("data-node=\"lead\"")))
                .andExpect(content().string(containsString(lead)))
                .andExpect(content().string(containsString(board)))
                .andExpect(content().string(containsString("value=\"Desk\"")));

        String pid = runtime.start(key, Map.of("title", "Desk"), new CurrentUser(starter, List.of("staff")));
        mvc.perform(get("/approvals/" + pid).with(as(lead)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approval-diagram\"")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("data-element-id=\"lead\" class=\"shape active\"")))
                .andExpect(content().string(containsString("data-element-id=\"board\" class=\"shape idle\"")))
                .andExpect(content().string(containsString("id=\"print-approval\"")));
        String leadTask = taskService.createTaskQuery().processInstanceId(pid).taskAssignee(lead).singleResult().getId();
        runtime.approve(leadTask, "fine", new CurrentUser(lead, List.of("staff")));
        mvc.perform(get("/approvals/" + pid).with(as(board)))
                .andExpect(content().string(containsString("data-element-id=\"lead\" class=\"shape completed\"")))
                .andExpect(content().string(containsString("data-element-id=\"board\" class=\"shape active\"")))
                .andExpect(content().string(not(containsString("data-element-id=\"lead\" class=\"shape active\""))));

        mvc.perform(get("/approvals/" + pid + "/print").with(as(board)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        String stranger = TestUsers.create(identityService, "pg-apv-y", "staff");
        mvc.perform(get("/approvals/" + pid + "/print").with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void theStartFormShowsEveryFieldAndAnswers400WithTheProblemsBesideTheFields() throws Exception {
        String designer = TestUsers.create(identityService, "pg-apv-designer", "designer");
        SimpleModel model = ApprovalFixtures.model(List.of(FormFieldSpec.of("title", "Title", "text").asRequired(),
                        new FormFieldSpec("amount", "Amount", "number", true, null, null, java.math.BigDecimal.ZERO, null, null, null, null, null, null,
                                null, null),
                        FormFieldSpec.of("kind", "Kind", "select").withOptions(List.of(new FormFieldSpec.Option("it", "IT equipment")))),
                ApproverNode.of("lead", "Team lead", ApproverNode.Assignee.users(lead), ApproverNode.Method.SEQUENTIAL));
        definitions.create(model, designer);
        String key = definitions.publish(model.code(), null, designer).processDefinitionKey();

        mvc.perform(get("/approvals").param("start", key).with(as(starter)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-definition=\"" + key + "\"")))
                .andExpect(content().string(containsString("type=\"number\" inputmode=\"decimal\" id=\"field-amount\" name=\"amount\"")))
                .andExpect(content().string(containsString("IT equipment")));

        mvc.perform(post("/approvals/start").with(as(starter)).with(csrf()).param("definitionKey", key).param("title", "Desk")
                        .param("amount", "12abc").param("kind", "food"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"field-amount-error\">Enter a number")))
                .andExpect(content().string(containsString("id=\"field-kind-error\">Choose one of the options.")))
                .andExpect(content().string(containsString("value=\"12abc\"")))
                .andExpect(content().string(containsString("value=\"Desk\"")))
                .andExpect(content().string(containsString("2 fields need a change")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post("/approvals/start").with(as(starter)).with(csrf()).param("definitionKey", key).param("amount", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"field-title-error\">Fill this in.")));
        mvc.perform(post("/approvals/start").with(as(starter)).param("definitionKey", key).param("title", "Desk").param("amount", "5"))
                .andExpect(status().isForbidden());
        assertThat(runtimeServiceCount(key)).isZero();

        var started = mvc.perform(post("/approvals/start").with(as(starter)).with(csrf()).param("definitionKey", key).param("title", "Desk")
                        .param("amount", "1200").param("kind", "it"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String pid = started.getResponse().getRedirectedUrl().replaceAll(".*/approvals/", "");
        assertThat(runtimeService.getVariables(pid)).containsEntry("amount", 1200L).containsEntry("kind", "it").containsEntry("title", "Desk");
    }

    @Autowired org.flowable.engine.RuntimeService runtimeService;

    private long runtimeServiceCount(String key) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count();
    }
}

package io.opsflow.approval.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code /api/v1/approvals} over HTTP: status codes and bodies of the operations and the inboxes. */
@OpsflowIntegrationTest
class ApprovalApiIT {

    private static final String CHAIN = "approval-fx-chain";

    @Autowired WebApplicationContext context;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired ApprovalRuntime runtime;

    MockMvc mvc;
    String starter;
    String lead;
    String board1;
    String board2;
    String fin;
    String stranger;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        repositoryService.createDeployment().name(CHAIN).addClasspathResource("approval/" + CHAIN + ".bpmn20.xml").enableDuplicateFiltering()
                .deploy();
        starter = TestUsers.create(identityService, "api-apv-starter", "staff");
        lead = TestUsers.create(identityService, "api-apv-lead", "staff");
        board1 = TestUsers.create(identityService, "api-apv-b1", "staff");
        board2 = TestUsers.create(identityService, "api-apv-b2", "staff");
        fin = TestUsers.create(identityService, "api-apv-fin", "staff");
        stranger = TestUsers.create(identityService, "api-apv-x", "staff");
    }

    private String start() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("title", "New laptop");
        vars.put("lead_approvers", List.of(lead));
        vars.put("board_approvers", List.of(board1, board2));
        vars.put("anyone_approvers", List.of(fin));
        return runtime.startWithVariables(CHAIN, vars, new CurrentUser(starter, List.of("staff")));
    }

    private String task(String pid, String user) {
        return taskService.createTaskQuery().processInstanceId(pid).taskAssignee(user).singleResult().getId();
    }

    private MockHttpServletRequestBuilder postAs(String user, String path, String json) {
        return post(path).with(httpBasic(user, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void startThroughTheApiRefusesReservedNamesAndUnknownApprovals() throws Exception {
        mvc.perform(postAs(starter, "/api/v1/approvals", "{\"definitionKey\":\"" + CHAIN + "\",\"form\":{\"lead_approvers\":[\"me\"]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("lead_approvers")));
        mvc.perform(postAs(starter, "/api/v1/approvals", "{\"definitionKey\":\"no-such\",\"form\":{}}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/approvals/definitions").with(httpBasic(starter, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].key", hasItem(CHAIN)));
    }

    @Test
    void approveReturnAndTheInboxesOverHttp() throws Exception {
        String pid = start();
        mvc.perform(get("/api/v1/approvals/todo").with(httpBasic(lead, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].processInstanceId", hasItem(pid)));
        mvc.perform(postAs(starter, "/api/v1/approvals/tasks/" + task(pid, lead) + "/approve", "{}"))
                .andExpect(status().isForbidden());
        mvc.perform(postAs(stranger, "/api/v1/approvals/tasks/" + task(pid, lead) + "/approve", "{}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/approvals/" + pid).with(httpBasic(stranger, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        String leadTask = task(pid, lead);
        mvc.perform(postAs(lead, "/api/v1/approvals/tasks/" + leadTask + "/approve", "{\"comment\":\"fine\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openTasks[*].nodeId", hasItem("board")))
                .andExpect(jsonPath("$.timeline[*].kind", hasItem("APPROVED")));
        mvc.perform(postAs(lead, "/api/v1/approvals/tasks/" + leadTask + "/approve", "{}"))
                .andExpect(status().isConflict());

        String b1 = task(pid, board1);
        mvc.perform(get("/api/v1/approvals/tasks/" + b1 + "/return-targets").with(httpBasic(board1, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].nodeId", hasItem("lead")));
        mvc.perform(postAs(board1, "/api/v1/approvals/tasks/" + b1 + "/return", "{\"target\":\"anyone\",\"comment\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("before")));
        mvc.perform(postAs(board1, "/api/v1/approvals/tasks/" + b1 + "/return", "{\"target\":\"lead\",\"comment\":\"quote missing\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawn[0]").value("board"));
        assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("lead").count()).isEqualTo(1);

        mvc.perform(get("/api/v1/approvals/done").with(httpBasic(lead, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[*].processInstanceId", hasItem(pid)));
        mvc.perform(get("/api/v1/approvals/mine").with(httpBasic(starter, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[*].processInstanceId", hasItem(pid)));
        mvc.perform(get("/api/v1/approvals/" + pid + "/timeline").with(httpBasic(starter, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[*].kind", hasItem("RETURNED")))
                .andExpect(jsonPath("$[*].comment", hasItem("quote missing")));
    }

    @Test
    void urgeIsRateLimitedWith429AndRetryAfterAndCcFillsTheCcInbox() throws Exception {
        String pid = start();
        mvc.perform(postAs(starter, "/api/v1/approvals/" + pid + "/urge", "{\"comment\":\"please\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminded[0]").value(lead));
        mvc.perform(postAs(starter, "/api/v1/approvals/" + pid + "/urge", "{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(postAs(lead, "/api/v1/approvals/" + pid + "/urge", "{}"))
                .andExpect(status().isForbidden());

        mvc.perform(postAs(starter, "/api/v1/approvals/" + pid + "/cc", "{\"users\":[\"" + stranger + "\"],\"comment\":\"fyi\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/approvals/cc").with(httpBasic(stranger, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$[*].processInstanceId", hasItem(pid)));
        mvc.perform(get("/api/v1/approvals/" + pid).with(httpBasic(stranger, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.form.title").value("New laptop"))
                .andExpect(jsonPath("$.form.lead_approvers").doesNotExist());
    }

    @Test
    void withdrawAfterTheNextActedAndCancelByOthersAreRefused() throws Exception {
        String pid = start();
        mvc.perform(postAs(lead, "/api/v1/approvals/tasks/" + task(pid, lead) + "/approve", "{}")).andExpect(status().isOk());
        mvc.perform(postAs(board1, "/api/v1/approvals/tasks/" + task(pid, board1) + "/approve", "{}")).andExpect(status().isOk());
        mvc.perform(postAs(lead, "/api/v1/approvals/" + pid + "/withdraw", "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("already acted")))
                .andExpect(jsonPath("$.message").value(not(containsString("Exception"))));
        mvc.perform(postAs(board2, "/api/v1/approvals/tasks/" + task(pid, board2) + "/remove-approver",
                        "{\"user\":\"" + board1 + "\"}"))
                .andExpect(status().isConflict());
        mvc.perform(postAs(lead, "/api/v1/approvals/" + pid + "/cancel", "{}")).andExpect(status().isForbidden());
        mvc.perform(postAs(starter, "/api/v1/approvals/" + pid + "/cancel", "{\"comment\":\"bought elsewhere\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/approvals/" + pid).with(httpBasic(starter, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.summary.state").value("FINISHED"))
                .andExpect(jsonPath("$.summary.result").value("cancelled"));
    }
}

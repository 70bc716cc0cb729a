package io.opsflow.workorder;

import static io.opsflow.workorder.WorkOrderFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@OpsflowIntegrationTest
class WorkOrderApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired WebApplicationContext context;
    @Autowired WorkOrderFixtures fixtures;
    @Autowired TaskService taskService;

    MockMvc mvc;
    String supervisor;
    String skill;
    String template;
    String worker;

    @BeforeEach
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        supervisor = fixtures.user("api-supervisor", Groups.SUPERVISOR);
        skill = skill("水电");
        worker = fixtures.staff("api-plumber", skill);
        template = TestUsers.uniqueId("drain");
        mvc.perform(as(supervisor, post("/api/v1/work-order-templates"))
                        .content(json(Map.of("code", template, "name", "管道疏通", "skills", List.of(skill),
                                "checklist", List.of("查明堵塞位置", "疏通管道", "清理")))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.skills[0]").value(skill));
    }

    @Test
    void aSupervisorCreatesFromATemplateAndSeesWhoGotItAndWhy() throws Exception {
        JsonNode created = create(template, "B区 地下室");

        assertThat(created.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(created.get("assignee").asText()).isEqualTo(worker);
        assertThat(created.get("title").asText()).isEqualTo("管道疏通");
        assertThat(created.get("checklist")).hasSize(3);
        assertThat(created.get("explanation").get("chosen").asText()).isEqualTo(worker);
        assertThat(created.get("explanation").get("candidates").get(0).get("skillMatch").asDouble()).isEqualTo(1.0);
        assertThat(created.get("assignmentHistory").get(0).get("kind").asText()).isEqualTo("AUTO");
        String id = created.get("id").asText();

        mvc.perform(as(supervisor, get("/api/v1/work-orders/{id}/ranking", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].userId").value(worker))
                .andExpect(jsonPath("$.candidates[0].openWorkOrders").value(1))
                .andExpect(jsonPath("$.weights.load").value(0.3));
        mvc.perform(as(supervisor, get("/api/v1/work-orders")).param("assignee", worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id)));
    }

    @Test
    void staffSeeOnlyTheirOwnOrdersAndCannotSteerThem() throws Exception {
        String id = create(template, "C区").get("id").asText();
        String otherStaff = fixtures.staff("api-other", skill("x"));

        mvc.perform(as(worker, get("/api/v1/work-orders/{id}", id))).andExpect(status().isOk());
        mvc.perform(as(otherStaff, get("/api/v1/work-orders/{id}", id))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.correlationId").exists());
        mvc.perform(as(otherStaff, get("/api/v1/work-orders")).param("assignee", worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem(id))));
        mvc.perform(as(worker, post("/api/v1/work-orders/{id}/reassign", id)).content(json(Map.of("assignee", otherStaff, "reason", "mine"))))
                .andExpect(status().isForbidden());
        mvc.perform(as(worker, post("/api/v1/work-orders")).content(json(Map.of("templateCode", template, "location", "x",
                        "dueAt", Instant.now().plus(Duration.ofHours(1)).toString()))))
                .andExpect(status().isForbidden());
        mvc.perform(as(worker, get("/api/v1/work-orders/{id}/ranking", id))).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsA400ThatSaysWhatToFixAndChangesNothing() throws Exception {
        String due = Instant.now().plus(Duration.ofHours(1)).toString();
        expect400(post("/api/v1/work-orders"), Map.of("templateCode", "no-such-template", "location", "x", "dueAt", due),
                "unknown template 'no-such-template'");
        expect400(post("/api/v1/work-orders"), Map.of("templateCode", template, "dueAt", due), "location is required");
        expect400(post("/api/v1/work-orders"), Map.of("templateCode", template, "location", "x",
                "dueAt", Instant.now().minus(Duration.ofHours(1)).toString()), "dueAt");
        expect400(post("/api/v1/work-orders"), Map.of("templateCode", template, "location", "x", "dueAt", due, "priority", 500),
                "priority");
        expect400(post("/api/v1/work-order-templates"), Map.of("code", TestUsers.uniqueId("t"), "name", "n",
                "skills", List.of("飞行-" + TestUsers.uniqueId("s")), "checklist", List.of("a")), "unknown skill");
        mvc.perform(as(supervisor, post("/api/v1/work-orders")).content("{\"dueAt\": \"tomorrow\""))
                .andExpect(status().isBadRequest());
        mvc.perform(as(supervisor, get("/api/v1/work-orders")).param("status", "DONE")).andExpect(status().isBadRequest());
        mvc.perform(as(supervisor, get("/api/v1/work-orders")).param("templateCode", template))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void reassignmentNeedsAnActiveStaffMemberAndAReasonAndIsAudited() throws Exception {
        String id = create(template, "D区").get("id").asText();
        String retired = fixtures.disabledStaff("api-retired", skill);
        String colleague = fixtures.staff("api-colleague", skill("y"));

        expect400(post("/api/v1/work-orders/" + id + "/reassign"), Map.of("assignee", retired, "reason", "x"), "not an active staff member");
        expect400(post("/api/v1/work-orders/" + id + "/reassign"), Map.of("assignee", "nobody-" + id, "reason", "x"), "not an active staff member");
        expect400(post("/api/v1/work-orders/" + id + "/reassign"), Map.of("assignee", colleague, "reason", " "), "reason");
        mvc.perform(as(supervisor, get("/api/v1/work-orders/{id}", id))).andExpect(jsonPath("$.assignee").value(worker));

        mvc.perform(as(supervisor, post("/api/v1/work-orders/{id}/reassign", id))
                        .content(json(Map.of("assignee", colleague, "reason", "closer to D区"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").value(colleague))
                .andExpect(jsonPath("$.assignmentHistory[?(@.kind == 'OVERRIDE')].reason", hasItem("closer to D区")))
                .andExpect(jsonPath("$.assignmentHistory[?(@.kind == 'OVERRIDE')].fromUser", hasItem(worker)))
                .andExpect(jsonPath("$.assignmentHistory[?(@.kind == 'OVERRIDE')].changedBy", hasItem(supervisor)));
        String pi = processOf(id);
        assertThat(taskService.createTaskQuery().processInstanceId(pi).singleResult().getAssignee()).isEqualTo(colleague);
    }

    @Test
    void acceptanceArchivesOnceAndTheArchivedOrderRefusesChanges() throws Exception {
        String id = create(template, "E区").get("id").asText();
        Map<String, String> accept = Map.of("outcome", "accepted", "comment", "ok");

        mvc.perform(as(supervisor, post("/api/v1/work-orders/{id}/acceptance", id)).content(json(accept)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("not waiting for acceptance")));
        submit(id);
        expect400(post("/api/v1/work-orders/" + id + "/acceptance"), Map.of("outcome", "maybe"), "outcome");

        mvc.perform(as(supervisor, post("/api/v1/work-orders/{id}/acceptance", id)).content(json(accept)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ARCHIVED"));
        mvc.perform(as(supervisor, post("/api/v1/work-orders/{id}/acceptance", id)).content(json(accept)))
                .andExpect(status().isConflict());
        mvc.perform(as(supervisor, post("/api/v1/work-orders/{id}/reassign", id))
                        .content(json(Map.of("assignee", worker, "reason", "again"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("archived")));
    }

    @Test
    void twoSupervisorsAcceptingAtOnceOneWinsTheOtherGets409() throws Exception {
        String second = fixtures.user("api-supervisor-2", Groups.SUPERVISOR);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Several rounds, since one race may by chance run one request after the other.
            for (int round = 0; round < 4; round++) {
                String id = create(template, "F区 " + round).get("id").asText();
                submit(id);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String who : List.of(supervisor, second)) {
                    Callable<Integer> accept = () -> {
                        go.await();
                        return mvc.perform(as(who, post("/api/v1/work-orders/{id}/acceptance", id))
                                        .content(json(Map.of("outcome", "accepted"))))
                                .andReturn().getResponse().getStatus();
                    };
                    answers.add(pool.submit(accept));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                mvc.perform(as(supervisor, get("/api/v1/work-orders/{id}", id))).andExpect(jsonPath("$.status").value("ARCHIVED"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode create(String templateCode, String location) throws Exception {
        String body = mvc.perform(as(supervisor, post("/api/v1/work-orders")).content(json(Map.of("templateCode", templateCode,
                        "location", location, "priority", 80, "dueAt", Instant.now().plus(Duration.ofHours(2)).toString()))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    private void submit(String id) throws Exception {
        String pi = processOf(id);
        var perform = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(perform.getTaskDefinitionKey()).isEqualTo("Task_PerformWork");
        taskService.complete(perform.getId(), Map.of("checklistDone", true));
    }

    private String processOf(String id) throws Exception {
        String body = mvc.perform(as(supervisor, get("/api/v1/work-orders/{id}", id))).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("processInstanceId").asText();
    }

    private void expect400(MockHttpServletRequestBuilder request, Map<String, ?> body, String messagePart) throws Exception {
        mvc.perform(as(supervisor, request).content(json(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.message", containsString(messagePart)))
                .andExpect(jsonPath("$.correlationId").exists());
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON);
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }
}

package io.opsflow.workorder.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@OpsflowIntegrationTest
class RecurringPlanApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired WebApplicationContext context;
    @Autowired PlanFixtures fixtures;
    @Autowired IdentityService identityService;
    @Autowired RecurringPlans plans;

    MockMvc mvc;
    String supervisor;
    String skill;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        supervisor = fixtures.supervisor();
        skill = fixtures.gardenerSkill();
    }

    @Test
    void aSupervisorCreatesReadsListsEditsAndEndsAPlan() throws Exception {
        JsonNode created = create(seedPlan());
        String id = created.get("id").asText();
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("locations")).hasSize(2);
        assertThat(created.get("cycle").asText()).isEqualTo("every 7 days at 00:00 (Asia/Shanghai)");
        assertThat(created.get("nextDueTimes")).hasSize(5);
        assertThat(created.get("history").get(0).get("changedBy").asText()).isEqualTo(supervisor);

        mvc.perform(as(supervisor, get("/api/v1/work-order-plans")).param("status", "ACTIVE"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem(id)));
        Map<String, Object> edit = seedPlan();
        edit.put("cycleDays", 1);
        edit.put("version", 1);
        mvc.perform(as(supervisor, put("/api/v1/work-order-plans/{id}", id)).content(json(edit)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.cycle").value("every day at 00:00 (Asia/Shanghai)"))
                .andExpect(jsonPath("$.history[1].action").value("EDITED"));
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans/{id}/pause", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAUSED")).andExpect(jsonPath("$.nextDueTimes.length()").value(0));
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans/{id}/resume", id)).content("{\"version\": 3}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans/{id}/end", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDED"));
        mvc.perform(as(supervisor, get("/api/v1/work-order-plans/{id}/orders", id))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(as(supervisor, get("/api/v1/work-order-plans/{id}/cycles", id))).andExpect(status().isOk());
        mvc.perform(as(supervisor, get("/api/v1/work-order-plans/{id}", id)))
                .andExpect(jsonPath("$.history[*].action", org.hamcrest.Matchers.contains("CREATED", "EDITED", "PAUSED", "RESUMED", "ENDED")));
    }

    @Test
    void integratorsMayWriteButStaffMayNot() throws Exception {
        String integrator = TestUsers.create(identityService, "plan-integrator", Groups.INTEGRATOR);
        String staff = TestUsers.create(identityService, "plan-staff", Groups.STAFF);
        String id = create(seedPlan()).get("id").asText();

        mvc.perform(as(integrator, post("/api/v1/work-order-plans")).content(json(seedPlan()))).andExpect(status().isCreated());
        mvc.perform(as(staff, post("/api/v1/work-order-plans")).content(json(seedPlan()))).andExpect(status().isForbidden());
        mvc.perform(as(staff, post("/api/v1/work-order-plans/{id}/pause", id))).andExpect(status().isForbidden());
        mvc.perform(as(staff, get("/api/v1/work-order-plans/{id}", id))).andExpect(status().isForbidden());
        mvc.perform(as(supervisor, get("/api/v1/work-order-plans/{id}", id))).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void badInputIsA400NamingTheProblemAndNothingIsStored() throws Exception {
        int before = plans.list(null, 500).size();
        expect400(with("skills", List.of("飞行-" + TestUsers.uniqueId("s"))), "unknown skill");
        expect400(with("templateCode", "no-such-template"), "unknown template 'no-such-template'");
        expect400(with("locations", List.of()), "locations needs 1 to 50");
        expect400(with("locations", List.of(" ")), "locations needs 1 to 50");
        Map<String, Object> cron = with("cron", "0 0 25 * * ?");
        cron.remove("cycleDays");
        cron.remove("timeOfDay");
        expect400(cron, "is not a valid Quartz cron expression");
        expect400(with("cron", "0 0 8 * * ?"), "either cycleDays");
        expect400(with("zone", "Mars/Olympus"), "unknown time zone 'Mars/Olympus'");
        expect400(with("endDate", "2031-03-01"), "endDate 2031-03-01 is before startDate 2031-03-10");
        expect400(with("startDate", "next monday"), "startDate must be a date");
        expect400(with("dueAfter", "8 hours"), "dueAfter must be an ISO-8601 duration");
        expect400(with("timeOfDay", "25:00"), "timeOfDay must be HH:mm");
        expect400(with("priority", 101), "priority");
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans")).content("{\"locations\": \"A区"))
                .andExpect(status().isBadRequest());
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans/preview")).content(json(with("zone", "Nowhere/Else"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("unknown time zone")));
        assertThat(plans.list(null, 500)).hasSize(before);

        String id = create(seedPlan()).get("id").asText();
        Map<String, Object> badEdit = with("cron", "* * * * * * * *");
        badEdit.remove("cycleDays");
        badEdit.remove("timeOfDay");
        badEdit.put("version", 1);
        mvc.perform(as(supervisor, put("/api/v1/work-order-plans/{id}", id)).content(json(badEdit)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("cron")));
        mvc.perform(as(supervisor, put("/api/v1/work-order-plans/{id}", id)).content(json(seedPlan())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("version is required")));
        mvc.perform(as(supervisor, get("/api/v1/work-order-plans/{id}", id)))
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.cycleDays").value(7))
                .andExpect(jsonPath("$.history.length()").value(1));
        mvc.perform(as(supervisor, get("/api/v1/work-order-plans/{id}", "no-such-plan"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.correlationId").exists());
    }

    @Test
    void aStaleVersionOrAWrongStateIsA409() throws Exception {
        String id = create(seedPlan()).get("id").asText();
        Map<String, Object> first = seedPlan();
        first.put("title", "绿化浇水 (A)");
        first.put("version", 1);
        Map<String, Object> second = seedPlan();
        second.put("title", "绿化浇水 (B)");
        second.put("version", 1);

        mvc.perform(as(supervisor, put("/api/v1/work-order-plans/{id}", id)).content(json(first))).andExpect(status().isOk());
        mvc.perform(as(supervisor, put("/api/v1/work-order-plans/{id}", id)).content(json(second)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("changed by someone else")));
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans/{id}/pause", id)).content("{\"version\": 1}"))
                .andExpect(status().isConflict());
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans/{id}/resume", id))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("is ACTIVE")));
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans/{id}/end", id))).andExpect(status().isOk());
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans/{id}/end", id))).andExpect(status().isConflict());
        Map<String, Object> late = seedPlan();
        late.put("version", 3);
        mvc.perform(as(supervisor, put("/api/v1/work-order-plans/{id}", id)).content(json(late))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("has ended")));
        mvc.perform(as(supervisor, get("/api/v1/work-order-plans/{id}", id))).andExpect(jsonPath("$.title").value("绿化浇水 (A)"));
    }

    private Map<String, Object> seedPlan() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("title", "绿化浇水");
        plan.put("skills", List.of(skill));
        plan.put("checklist", List.of("浇水"));
        plan.put("locations", List.of("A区花坛", "B区草坪"));
        plan.put("cycleDays", 7);
        plan.put("timeOfDay", "00:00");
        plan.put("startDate", LocalDate.of(2031, 3, 10).toString());
        plan.put("zone", "Asia/Shanghai");
        plan.put("dueAfter", "PT8H");
        return plan;
    }

    private Map<String, Object> with(String key, Object value) {
        Map<String, Object> plan = seedPlan();
        plan.put(key, value);
        return plan;
    }

    private JsonNode create(Map<String, Object> body) throws Exception {
        String text = mvc.perform(as(supervisor, post("/api/v1/work-order-plans")).content(json(body)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JSON.readTree(text);
    }

    private void expect400(Map<String, Object> body, String message) throws Exception {
        mvc.perform(as(supervisor, post("/api/v1/work-order-plans")).content(json(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message", containsString(message)))
                .andExpect(jsonPath("$.correlationId").exists());
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON).characterEncoding("UTF-8");
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }
}

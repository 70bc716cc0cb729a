package io.opsflow.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Groups;
import io.opsflow.platform.StaffDirectory;
import io.opsflow.platform.StaffSkills;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@OpsflowIntegrationTest
class StaffApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Map<String, String>> OFFICE_HOURS = List.of(
            Map.of("day", "MONDAY", "start", "08:00", "end", "17:00"),
            Map.of("day", "TUESDAY", "start", "08:00", "end", "17:00"));

    @Autowired WebApplicationContext context;
    @Autowired IdentityService identityService;
    @Autowired UserSkills userSkills;
    @Autowired StaffSkills staffSkills;
    @Autowired StaffDirectory staffDirectory;

    MockMvc mvc;
    String supervisor;
    String worker;
    String team;
    String skill;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        supervisor = TestUsers.create(identityService, "staff-sup", Groups.SUPERVISOR);
        skill = TestUsers.uniqueId("电工");
        worker = TestUsers.create(identityService, "electrician", Groups.STAFF);
        userSkills.replace(worker, List.of(skill));
        team = TestUsers.uniqueId("team");
        Group group = identityService.newGroup(team);
        group.setName("Team " + team);
        group.setType("team");
        identityService.saveGroup(group);
    }

    @Test
    void aSupervisorSetsTeamHoursDutyAndContactsWithTheVersionTheyRead() throws Exception {
        JsonNode before = read(worker);
        assertThat(before.get("version").asInt()).isZero();
        assertThat(before.get("onDuty").asBoolean()).isTrue();
        assertThat(before.get("skills")).extracting(JsonNode::asText).containsExactly(skill);

        JsonNode saved = json(send(put("/api/v1/staff/" + worker), Map.of("version", 0, "email", worker + "@example.com",
                        "phone", "+86 138 0000 0000", "imId", "wecom:" + worker, "teams", List.of(team), "skills", List.of(skill, "水电"),
                        "onDuty", true, "timeZone", "Asia/Shanghai", "workingHours", OFFICE_HOURS))
                .andExpect(status().isOk()));

        assertThat(saved.get("version").asInt()).isEqualTo(1);
        assertThat(saved.get("teams")).extracting(JsonNode::asText).containsExactly(team);
        assertThat(saved.get("skills")).extracting(JsonNode::asText).containsExactlyInAnyOrder(skill, "水电");
        assertThat(saved.get("workingHoursText").asText()).isEqualTo("Mon-Tue 08:00-17:00");
        assertThat(saved.get("weeklyHours").asDouble()).isEqualTo(18.0);
        // Contact channels are where the messaging center reads them.
        assertThat(identityService.createUserQuery().userId(worker).singleResult().getEmail()).isEqualTo(worker + "@example.com");
        assertThat(identityService.getUserInfo(worker, "phone")).isEqualTo("+86 138 0000 0000");
        assertThat(identityService.getUserInfo(worker, "imId")).isEqualTo("wecom:" + worker);
        assertThat(identityService.createUserQuery().memberOfGroup(team).list()).extracting(u -> u.getId()).containsExactly(worker);
        // Monday 2026-11-30 00:00 to Wednesday 00:00 in Shanghai: two days of 9 hours.
        assertThat(staffDirectory.workingHours(worker, Instant.parse("2026-11-29T16:00:00Z"), Instant.parse("2026-12-01T16:00:00Z")))
                .isEqualTo(18.0);

        JsonNode onLeave = json(send(patch("/api/v1/staff/" + worker), Map.of("version", 1, "onDuty", false)).andExpect(status().isOk()));
        assertThat(onLeave.get("version").asInt()).isEqualTo(2);
        assertThat(onLeave.get("onDuty").asBoolean()).isFalse();
        assertThat(onLeave.get("teams")).extracting(JsonNode::asText).containsExactly(team);
        assertThat(onLeave.get("phone").asText()).isEqualTo("+86 138 0000 0000");
        assertThat(staffSkills.activeStaffWithAll(List.of(skill))).doesNotContain(worker);
        assertThat(staffSkills.isActiveStaff(worker)).isFalse();
        assertThat(staffDirectory.isOnDuty(worker)).isFalse();

        send(patch("/api/v1/staff/" + worker), Map.of("version", 2, "onDuty", true, "phone", "")).andExpect(status().isOk());
        assertThat(staffSkills.activeStaffWithAll(List.of(skill))).containsExactly(worker);
        assertThat(identityService.getUserInfo(worker, "phone")).isNull();
    }

    @Test
    void aStaleVersionIsRefusedWith409AndChangesNothing() throws Exception {
        send(patch("/api/v1/staff/" + worker), Map.of("version", 0, "timeZone", "Europe/Berlin")).andExpect(status().isOk());

        send(patch("/api/v1/staff/" + worker), Map.of("version", 0, "onDuty", false))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("reload")));

        JsonNode now = read(worker);
        assertThat(now.get("version").asInt()).isEqualTo(1);
        assertThat(now.get("onDuty").asBoolean()).isTrue();
        assertThat(now.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void badInputIs400WithTheFieldAndNothingChanged() throws Exception {
        expectBadInput(Map.of("version", 0, "teams", List.of("no-such-team-" + team)), "teams", "There is no team");
        expectBadInput(Map.of("version", 0, "workingHours", List.of(Map.of("day", "MONDAY", "start", "18:00", "end", "08:00"))),
                "workingHours", "ends before it starts");
        expectBadInput(Map.of("version", 0, "timeZone", "Mars/Olympus"), "timeZone", "is not a time zone");
        expectBadInput(Map.of("version", 0, "email", "not-an-address"), "email", "is not an e-mail address");
        expectBadInput(Map.of("version", 0, "phone", "call me"), "phone", "is not a phone number");
        expectBadInput(Map.of("onDuty", false), "version", "Send the version");
        expectBadInput(Map.of("version", 0, "workingHours", List.of(Map.of("day", "MONDAY", "start", "08:00", "end", "12:00"),
                Map.of("day", "MONDAY", "start", "11:00", "end", "13:00"))), "workingHours", "overlap");

        JsonNode unchanged = read(worker);
        assertThat(unchanged.get("version").asInt()).isZero();
        assertThat(unchanged.get("teams")).isEmpty();
        assertThat(unchanged.get("workingHours")).isEmpty();
    }

    @Test
    void listsFilterBySkillTeamAndDutyAndPage() throws Exception {
        String second = TestUsers.create(identityService, "electrician-2", Groups.STAFF);
        String onLeave = TestUsers.create(identityService, "electrician-3", Groups.STAFF);
        userSkills.replace(second, List.of(skill));
        userSkills.replace(onLeave, List.of(skill));
        send(patch("/api/v1/staff/" + second), Map.of("version", 0, "teams", List.of(team))).andExpect(status().isOk());
        send(patch("/api/v1/staff/" + onLeave), Map.of("version", 0, "onDuty", false)).andExpect(status().isOk());

        assertThat(ids(list("skill=" + skill))).containsExactlyInAnyOrder(worker, second, onLeave);
        assertThat(ids(list("skill=" + skill + "&onDuty=true"))).containsExactlyInAnyOrder(worker, second);
        assertThat(ids(list("skill=" + skill + "&onDuty=false"))).containsExactly(onLeave);
        assertThat(ids(list("team=" + team))).containsExactly(second);
        JsonNode page = list("skill=" + skill + "&size=2&page=1");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("pages").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        send(get("/api/v1/staff?size=0"), null).andExpect(status().isBadRequest());
    }

    @Test
    void onlySupervisorsAndAdminsEditAndUnknownPeopleAre404() throws Exception {
        String integrator = TestUsers.create(identityService, "staff-integrator", Groups.INTEGRATOR);
        mvc.perform(get("/api/v1/staff/" + worker).with(httpBasic(worker, TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/staff/" + worker).with(httpBasic(integrator, TestUsers.PASSWORD))).andExpect(status().isOk());
        mvc.perform(patch("/api/v1/staff/" + worker).with(httpBasic(integrator, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"onDuty\":false}"))
                .andExpect(status().isForbidden());
        send(get("/api/v1/staff/" + supervisor), null).andExpect(status().isNotFound());
        send(patch("/api/v1/staff/" + TestUsers.uniqueId("nobody")), Map.of("version", 0)).andExpect(status().isNotFound());
        assertThat(read(worker).get("onDuty").asBoolean()).isTrue();
    }

    private void expectBadInput(Map<String, Object> body, String field, String message) throws Exception {
        send(patch("/api/v1/staff/" + worker), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields." + field).value(org.hamcrest.Matchers.containsString(message)))
                .andExpect(jsonPath("$.correlationId").exists());
    }

    private JsonNode read(String userId) throws Exception {
        return json(send(get("/api/v1/staff/" + userId), null).andExpect(status().isOk()));
    }

    private JsonNode list(String query) throws Exception {
        return json(send(get("/api/v1/staff?" + query), null).andExpect(status().isOk()));
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("userId");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, Object body) throws Exception {
        request.with(httpBasic(supervisor, TestUsers.PASSWORD)).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

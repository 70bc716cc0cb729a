package io.opsflow.workorder;

import static io.opsflow.workorder.WorkOrderFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.order.ChecklistItem;
import io.opsflow.workorder.order.WorkOrder;
import io.opsflow.workorder.order.WorkOrderStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Starting work-order from the task list's start page (its start form) and through /process-api with the documented variables. */
@OpsflowIntegrationTest
class WorkOrderStartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired WebApplicationContext context;
    @Autowired WorkOrderFixtures fixtures;
    @Autowired RuntimeService runtimeService;
    @Autowired WorkOrderStore store;
    @Autowired JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aSupervisorCreatesAnEmergencyOrderOnTheStartProcessPage() throws Exception {
        String supervisor = fixtures.supervisor();
        String staff = fixtures.staff("start-staff", skill("x"));
        mvc.perform(get("/processes").with(as(supervisor, Groups.SUPERVISOR))).andExpect(content().string(containsString("Work order")));
        mvc.perform(get("/processes").with(as(staff, Groups.STAFF))).andExpect(content().string(not(containsString("/processes/work-order/start"))));
        mvc.perform(get("/processes/work-order/start").with(as(supervisor, Groups.SUPERVISOR)))
                .andExpect(content().string(containsString("New emergency work order")))
                .andExpect(content().string(containsString("管道疏通")));

        String location = TestUsers.uniqueId("H区 车库");
        Instant before = Instant.now();
        var result = mvc.perform(post("/processes/work-order/start").param("templateCode", "drain-unblocking").param("location", location)
                        .param("priority", "80").param("dueInHours", "8").with(as(supervisor, Groups.SUPERVISOR)).with(csrf()))
                .andExpect(redirectedUrlPattern("/instances/*")).andReturn();

        String instance = result.getResponse().getRedirectedUrl().substring("/instances/".length());
        WorkOrder order = store.find((String) runtimeService.getVariable(instance, "workOrderId")).orElseThrow();
        assertThat(order.title()).isEqualTo("管道疏通");
        assertThat(order.location()).isEqualTo(location);
        assertThat(order.priority()).isEqualTo(80);
        assertThat(order.createdBy()).isEqualTo(supervisor);
        assertThat(order.dueAt()).isCloseTo(before.plus(Duration.ofHours(8)), within(5, ChronoUnit.MINUTES));
        assertThat(store.checklist(order.id())).extracting(ChecklistItem::text).containsExactly("查明堵塞位置", "疏通管道", "通水测试", "清理");
    }

    @Test
    void theDocumentedStartVariablesWorkThroughProcessApi() throws Exception {
        String integrator = fixtures.user("start-integrator", Groups.INTEGRATOR);
        String electrician = skill("电工");
        String worker = fixtures.staff("start-electrician", electrician);

        var started = start(integrator, List.of(var("title", "Corridor light"), var("skills", electrician + ", " + electrician),
                var("location", "A区"), var("dueInHours", 2), var("priority", "90"), var("checklist", "断电, 更换灯具, 通电测试")));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String instance = JSON.readTree(started.body()).get("id").asText();
        WorkOrder order = store.find((String) runtimeService.getVariable(instance, "workOrderId")).orElseThrow();
        assertThat(order.assignee()).isEqualTo(worker);
        assertThat(order.skills()).containsExactly(electrician);
        assertThat(order.priority()).isEqualTo(90);
        assertThat(store.checklist(order.id())).extracting(ChecklistItem::text).containsExactly("断电", "更换灯具", "通电测试");
        assertThat(runtimeService.getVariable(instance, "checklistText")).isEqualTo("1. 断电\n2. 更换灯具\n3. 通电测试");

        var fromTemplate = start(integrator, List.of(var("templateCode", "floor-repair"), var("location", "B区"),
                var("dueAt", Instant.now().plus(Duration.ofHours(3)).toString())));
        assertThat(fromTemplate.statusCode()).as(fromTemplate.body()).isEqualTo(201);
        WorkOrder floor = store.find((String) runtimeService.getVariable(JSON.readTree(fromTemplate.body()).get("id").asText(), "workOrderId"))
                .orElseThrow();
        assertThat(floor.title()).isEqualTo("地面维修");
        assertThat(store.checklist(floor.id())).extracting(ChecklistItem::text).containsExactly("勘察现场", "准备材料", "施工", "清理");
    }

    @Test
    void badStartVariablesAre400AndStoreNothing() throws Exception {
        String integrator = fixtures.user("start-integrator", Groups.INTEGRATOR);
        String electrician = skill("电工");
        fixtures.staff("start-electrician", electrician);
        String marker = TestUsers.uniqueId("nowhere");

        List<List<Map<String, Object>>> bad = new ArrayList<>();
        bad.add(List.of(var("skills", electrician), var("location", marker), var("dueInHours", 2)));
        bad.add(List.of(var("title", "t"), var("skills", electrician), var("location", marker)));
        bad.add(List.of(var("title", "t"), var("skills", electrician), var("location", marker), var("dueInHours", 0)));
        bad.add(List.of(var("title", "t"), var("skills", electrician), var("location", marker), var("dueAt", "tomorrow")));
        bad.add(List.of(var("templateCode", TestUsers.uniqueId("no-such")), var("location", marker), var("dueInHours", 2)));
        bad.add(List.of(var("title", "t"), var("skills", electrician), var("location", marker), var("dueInHours", 2), var("priority", "high")));
        for (var variables : bad) {
            var refused = start(integrator, variables);
            assertThat(refused.statusCode()).as(variables + " → " + refused.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(refused.body());
            assertThat(error.get("message").asText()).isNotBlank();
        }
        assertThat(jdbc.sql("select count(*) from app_wo_work_order where location = ?").param(marker).query(Integer.class).single()).isZero();
    }

    private static Map<String, Object> var(String name, Object value) {
        return Map.of("name", name, "value", value);
    }

    private HttpResponse<String> start(String user, List<Map<String, Object>> variables) throws Exception {
        String body = JSON.writeValueAsString(Map.of("processDefinitionKey", "work-order", "variables", variables));
        String credentials = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/process-api/runtime/process-instances"))
                        .header("Authorization", "Basic " + credentials)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor as(String id, String group) {
        SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor user = user(id).authorities(() -> "GROUP_" + group);
        return user;
    }
}

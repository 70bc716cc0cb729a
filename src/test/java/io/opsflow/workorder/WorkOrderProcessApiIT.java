package io.opsflow.workorder;

import static io.opsflow.workorder.WorkOrderFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Integrators start {@code work-order} through Flowable's own REST API with the documented variables. */
@OpsflowIntegrationTest
class WorkOrderProcessApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired WorkOrderFixtures fixtures;
    @Autowired TaskService taskService;

    @Test
    void anIntegratorStartsAWorkOrderWithVariablesAndItIsAssigned() throws Exception {
        String integrator = fixtures.user("integrator", Groups.INTEGRATOR);
        String electrician = skill("电工");
        String worker = fixtures.staff("rest-electrician", electrician);

        var response = start(integrator, electrician);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = JSON.readTree(response.body()).get("id").asText();
        var task = taskService.createTaskQuery().processInstanceId(id).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_PerformWork");
        assertThat(task.getAssignee()).isEqualTo(worker);
    }

    @Test
    void anUnknownSkillIsA400AndStaffMayNotStartWorkOrders() throws Exception {
        String integrator = fixtures.user("integrator", Groups.INTEGRATOR);
        String unknown = skill("飞行");

        var refused = start(integrator, unknown);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.get("message").asText()).contains("unknown skill '" + unknown + "'");
        // Staff are not candidate starters: refused by the access check before any step runs (Flowable's
        // REST layer turns the hidden definition into a 400 rather than a 404).
        String staff = fixtures.staff("rest-staff", skill("x"));
        var denied = start(staff, skill("y"));
        assertThat(denied.statusCode()).isIn(400, 403, 404);
        assertThat(denied.body()).doesNotContain("unknown skill");
    }

    private HttpResponse<String> start(String user, String skill) throws Exception {
        String body = JSON.writeValueAsString(Map.of("processDefinitionKey", "work-order", "variables", List.of(
                Map.of("name", "title", "value", "Corridor light"),
                Map.of("name", "skills", "value", skill),
                Map.of("name", "location", "value", "A区"),
                Map.of("name", "dueAt", "value", Instant.now().plus(Duration.ofHours(2)).toString()))));
        String credentials = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/process-api/runtime/process-instances"))
                        .header("Authorization", "Basic " + credentials)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

package io.opsflow.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Row 15 of the fault matrix, connections terminated: while a user starts instance after instance,
 * every server connection to the test's own database is terminated twice. Each call either
 * succeeds or fails with the generic JSON 503, a retry succeeds within seconds and no instance is
 * half-written. PostgreSQL pass only; pool exhaustion is {@link DatabaseOutageIT}.
 */
@OpsflowIntegrationTest
class TerminatedConnectionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CALLS = 20;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void terminatedConnectionsGiveAClearErrorAtWorstAndARetrySucceeds() throws Exception {
        if (!TestDatabase.isPostgresPass()) {
            Assumptions.abort("terminating server connections needs the PostgreSQL pass");
        }
        String user = TestUsers.create(identityService, "conn", "staff");
        assertThat(start(user).statusCode()).isEqualTo(201);

        var firstKill = new CountDownLatch(3);
        var secondKill = new CountDownLatch(10);
        CompletableFuture<List<HttpResponse<String>>> calls = CompletableFuture.supplyAsync(() -> {
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                responses.add(start(user));
                firstKill.countDown();
                secondKill.countDown();
            }
            return responses;
        });
        assertThat(firstKill.await(60, TimeUnit.SECONDS)).isTrue();
        int terminated = terminateAppConnections();
        assertThat(secondKill.await(60, TimeUnit.SECONDS)).isTrue();
        terminated += terminateAppConnections();
        List<HttpResponse<String>> responses = calls.get(CALLS * CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(terminated).as("server connections terminated").isPositive();
        int succeeded = 1;
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 201) {
                succeeded++;
            } else {
                assertGenericServerError(response);
            }
        }
        assertThat(retryUntilStarted(user)).as("a retry succeeds within " + RECOVERY).isTrue();
        succeeded++;
        assertNothingHalfWritten(user, succeeded);
    }

    private boolean retryUntilStarted(String user) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = start(user);
            if (response.statusCode() == 201) {
                return true;
            }
            assertGenericServerError(response);
        }
        return false;
    }

    private void assertNothingHalfWritten(String user, int succeeded) {
        var instances = historyService.createHistoricProcessInstanceQuery().startedBy(user).list();
        assertThat(instances.size()).as("every 201 is an instance; a failed call at most one more")
                .isBetween(succeeded, CALLS + 2);
        for (var instance : instances) {
            assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_HandleRequest").count())
                    .as("instance " + instance.getId() + " reached its first task").isOne();
        }
    }

    private static void assertGenericServerError(HttpResponse<String> response) {
        // 503 also when the rollback itself fails on the dead connection ("JDBC rollback failed").
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL").doesNotContain("terminat")
                .doesNotContain("at org.");
        JsonNode body = json(response);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("correlationId").asText()).isNotBlank();
    }

    /** Terminates every other server connection to this pass's own database; returns how many. */
    private static int terminateAppConnections() throws Exception {
        try (Connection admin = DriverManager.getConnection(System.getProperty("DATABASE_URL"), TestDatabase.postgresUser(),
                        TestDatabase.postgresPassword());
                Statement statement = admin.createStatement();
                ResultSet killed = statement.executeQuery("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid()) t")) {
            killed.next();
            return killed.getInt(1);
        }
    }

    private HttpResponse<String> start(String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/process-api/runtime/process-instances"))
                .timeout(CALL_TIMEOUT)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"processDefinitionKey\": \"service-request\"}"))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("the call did not answer within " + CALL_TIMEOUT + ": " + e, e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}

package io.opsflow.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.WebSession;
import io.opsflow.support.OpsflowIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Row 15 of the reliability matrix, pool exhaustion: while this test holds every connection of the
 * application's own pool, API calls and pages answer 503 within about the pool's connection timeout
 * instead of a 500 or a hang, and answer normally again once the connections are back.
 */
@OpsflowIntegrationTest
class DatabaseOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "admin-test-password";
    /** Generous for a loaded machine; what matters is that no call waits for Hikari's 30 s default or hangs. */
    private static final Duration PROMPTLY = Duration.ofSeconds(15);

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired IdentityService identityService;

    @Test
    void anExhaustedPoolGivesAPrompt503AndRecovers() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getConnectionTimeout()).as("test profile connection timeout").isLessThanOrEqualTo(2_000);
        String neverLoggedIn = TestUsers.create(identityService, "outage", "staff");
        var api = new WebSession(port);
        var page = new WebSession(port);
        assertThat(page.logIn("admin", ADMIN_PASSWORD).redirectsTo("/")).isTrue();
        assertThat(api.getWithBasic("/api/v1/admin/dead-letter-jobs", "admin", ADMIN_PASSWORD).status()).isEqualTo(200);

        List<Connection> held = holdEveryConnection(pool);
        try {
            assertUnavailableJson(timed(() -> api.getWithBasic("/api/v1/admin/dead-letter-jobs", "admin", ADMIN_PASSWORD)));
            assertUnavailableJson(timed(() -> api.getWithBasic("/process-api/runtime/tasks", "admin", ADMIN_PASSWORD)));
            // Checking a password nobody verified yet needs the database before any controller runs.
            assertUnavailableJson(timed(() -> api.getWithBasic("/api/v1/tasks", neverLoggedIn, TestUsers.PASSWORD)));

            var tasks = timed(() -> browserGet(page, "/tasks"));
            assertThat(tasks.status()).isEqualTo(503);
            assertThat(tasks.body()).contains("Opsflow cannot reach its database").contains("try again shortly")
                    .doesNotContain("Hikari").doesNotContain("Exception");
        } finally {
            release(held);
        }

        assertThat(api.getWithBasic("/api/v1/admin/dead-letter-jobs", "admin", ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(api.getWithBasic("/api/v1/tasks", neverLoggedIn, TestUsers.PASSWORD).status()).isEqualTo(200);
        assertThat(page.get("/tasks").status()).isEqualTo(200);
    }

    /** Borrows connections until the pool has none left (some may be in use by the application meanwhile). */
    private static List<Connection> holdEveryConnection(HikariDataSource pool) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
        } catch (SQLTransientConnectionException exhausted) {
            // Whatever the application holds right now is all that is left; the pool is empty either way.
        }
        assertThat(pool.getHikariPoolMXBean().getIdleConnections()).as("idle connections while held").isZero();
        return held;
    }

    private static void release(List<Connection> held) throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
    }

    private static void assertUnavailableJson(WebSession.Response response) throws Exception {
        assertThat(response.status()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(503);
        assertThat(body.get("message").asText()).isEqualTo("The database is not reachable right now; try again shortly.");
        assertThat(body.get("correlationId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Hikari").doesNotContain("SQL").doesNotContain("Exception");
    }

    /** Like a browser: asks for HTML, so the error page is rendered instead of Spring's JSON error. */
    private WebSession.Response browserGet(WebSession session, String path) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html")
                .header("Cookie", "JSESSIONID=" + session.sessionId())
                .build();
        try {
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new WebSession.Response(response.statusCode(), response.body(), null);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebSession.Response timed(java.util.function.Supplier<WebSession.Response> call) {
        long start = System.nanoTime();
        var response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("Answered with " + response.status() + " in " + took.toMillis() + " ms while the pool was exhausted");
        assertThat(took).as("time to answer while the pool is exhausted").isLessThan(PROMPTLY);
        return response;
    }
}

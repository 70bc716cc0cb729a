package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@OpsflowIntegrationTest
class HealthIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anyoneSeesWhetherDatabaseAndEngineAreUpButNotTheDetails() {
        var response = http.getForEntity("/actuator/health", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"engine\"")
                .contains("\"clock\"").contains("\"deadLetters\"")
                .doesNotContain("lockOwner").doesNotContain("skewMillis");
    }

    @Test
    void adminsSeeTheJobExecutorDeadLettersAndClockSkew() {
        var response = http.withBasicAuth("admin", "admin-test-password").getForEntity("/actuator/health", String.class);

        assertThat(response.getBody()).contains("\"lockOwner\":\"test-node\"").contains("\"jobsLockedByThisNode\"")
                .contains("\"deadLetterJobs\"").contains("\"threshold\":50")
                .contains("\"skewMillis\"").contains("\"maxSkew\":\"PT30S\"");
    }

    @Test
    void aNodeTenMinutesAheadOfTheDatabaseIsDownWithAClearMessage() {
        var ahead = new ClockHealthIndicator(jdbc, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)), Duration.ofSeconds(30));

        var health = ahead.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("message"))
                .isEqualTo("node clock is 600 s ahead of the database; timers and job locks depend on it");
        assertThat((Long) health.getDetails().get("skewMillis")).isBetween(595_000L, 605_000L);
    }

    @Test
    void aNodeInStepWithTheDatabaseIsUp() {
        var inStep = new ClockHealthIndicator(jdbc, Clock.systemUTC(), Duration.ofSeconds(30));

        var health = inStep.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((Long) health.getDetails().get("skewMillis")).isBetween(-5_000L, 5_000L);
    }

    @Test
    void aNodeBehindTheDatabaseIsDownToo() {
        var behind = new ClockHealthIndicator(jdbc, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)), Duration.ofSeconds(30));

        assertThat(behind.health().getDetails().get("message"))
                .isEqualTo("node clock is 120 s behind the database; timers and job locks depend on it");
    }

    @Test
    void infoNamesTheApplication() {
        assertThat(http.getForEntity("/actuator/info", String.class).getBody()).contains("Opsflow");
    }
}

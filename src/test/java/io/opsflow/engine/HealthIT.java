package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.OpsflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@OpsflowIntegrationTest
class HealthIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void anyoneSeesWhetherDatabaseAndEngineAreUpButNotTheDetails() {
        var response = http.getForEntity("/actuator/health", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"engine\"")
                .doesNotContain("lockOwner");
    }

    @Test
    void adminsSeeTheJobExecutorAndDeadLetters() {
        var response = http.withBasicAuth("admin", "admin-test-password").getForEntity("/actuator/health", String.class);

        assertThat(response.getBody()).contains("\"lockOwner\":\"test-node\"").contains("\"deadLetterJobs\"");
    }

    @Test
    void infoNamesTheApplication() {
        assertThat(http.getForEntity("/actuator/info", String.class).getBody()).contains("Opsflow");
    }
}

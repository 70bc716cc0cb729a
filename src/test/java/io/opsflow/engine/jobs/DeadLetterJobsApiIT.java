package io.opsflow.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code /api/v1/admin/dead-letter-jobs}: admins list and retry, others are refused, unknown ids are 404. */
@OpsflowIntegrationTest
class DeadLetterJobsApiIT {

    private static final String ADMIN_PASSWORD = "admin-test-password";
    private static final String API = "/api/v1/admin/dead-letter-jobs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired DeadLetterJobs deadLetterJobs;

    FailingJobs failing;

    @BeforeEach
    void failingProcess() {
        failing = new FailingJobs(repositoryService, runtimeService, managementService);
    }

    @Test
    void anAdminSeesWhereAndWhyAJobFailedButOnlyTheFirstLine() throws Exception {
        Job job = failing.deadLetter();

        JsonNode page = json(asAdmin().getForEntity(API + "?size=200", String.class));
        JsonNode listed = StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(item -> item.get("id").asText().equals(job.getId()))
                .findFirst()
                .orElseThrow();

        assertThat(page.get("total").asLong()).isPositive();
        assertThat(listed.get("processInstanceId").asText()).isEqualTo(job.getProcessInstanceId());
        assertThat(listed.get("activityId").asText()).isEqualTo(FailingJobs.ACTIVITY);
        assertThat(listed.get("activityName").asText()).isEqualTo("Always fails");
        assertThat(listed.get("processDefinition").asText()).startsWith("Failing step (test) (failing-step v");
        assertThat(listed.get("reason").asText()).startsWith("Unknown method used in expression").doesNotContain("second line");
        assertThat(listed.get("retries").asInt()).isZero();
        assertThat(listed.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        JsonNode details = json(asAdmin().getForEntity(API + "/" + job.getId(), String.class));
        assertThat(details.get("stackTrace").asText()).contains("FlowableException").contains("second line");
    }

    @Test
    void retryingMovesTheJobBackWithThreeTriesAndIsAudited() throws Exception {
        Job job = failing.deadLetter();
        Logger auditLogger = (Logger) LoggerFactory.getLogger("io.opsflow.audit");
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        auditLogger.addAppender(appender);
        try {
            var response = asAdmin().postForEntity(API + "/" + job.getId() + "/retry", null, String.class);

            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(json(response).get("moved").asInt()).isEqualTo(1);
            assertThat(managementService.createDeadLetterJobQuery().jobId(job.getId()).count()).isZero();
            assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(3);
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.contains("admin admin retried dead-letter job " + job.getId())
                            && line.contains(job.getProcessInstanceId()) && line.contains(FailingJobs.ACTIVITY));
        } finally {
            auditLogger.detachAppender(appender);
        }
    }

    @Test
    void aBulkRetryMovesAllOrNothing() throws Exception {
        Job first = failing.deadLetter();
        Job second = failing.deadLetter();

        var withUnknown = post(Map.of("ids", List.of(first.getId(), "no-such-job")));
        assertThat(withUnknown.getStatusCode().value()).isEqualTo(404);
        assertThat(json(withUnknown).get("message").asText())
                .contains("no-such-job").contains("none of the jobs asked for was retried").doesNotContain(first.getId());
        assertThat(managementService.createDeadLetterJobQuery().jobId(first.getId()).count()).as("still a dead letter").isOne();

        var both = post(Map.of("ids", List.of(first.getId(), second.getId())));
        assertThat(both.getStatusCode().value()).isEqualTo(200);
        assertThat(json(both).get("moved").asInt()).isEqualTo(2);
        assertThat(managementService.createJobQuery().jobIds(java.util.Set.of(first.getId(), second.getId())).count()).isEqualTo(2);
    }

    @Test
    void badRequestsAndUnknownIdsGetClearJsonErrors() throws Exception {
        var unknownRetry = asAdmin().postForEntity(API + "/no-such-job/retry", null, String.class);
        var unknownDetails = asAdmin().getForEntity(API + "/no-such-job", String.class);
        var noIds = post(Map.of("ids", List.of()));
        var notJson = post("ids=1");

        assertThat(unknownRetry.getStatusCode().value()).isEqualTo(404);
        assertThat(json(unknownRetry).get("message").asText()).startsWith("No dead-letter job with id no-such-job");
        assertThat(json(unknownRetry).get("correlationId").asText()).isNotBlank();
        assertThat(unknownDetails.getStatusCode().value()).isEqualTo(404);
        assertThat(noIds.getStatusCode().value()).isEqualTo(400);
        assertThat(json(noIds).get("message").asText()).contains("ids");
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void othersAreRefused() {
        Job job = failing.deadLetter();
        String staff = TestUsers.create(identityService, "dl-staff", "staff");

        var list = http.withBasicAuth(staff, TestUsers.PASSWORD).getForEntity(API, String.class);
        var retry = http.withBasicAuth(staff, TestUsers.PASSWORD).postForEntity(API + "/" + job.getId() + "/retry", null, String.class);
        var anonymous = http.getForEntity(API, String.class);

        assertThat(list.getStatusCode().value()).isEqualTo(403);
        assertThat(list.getBody()).contains("\"status\":403").doesNotContain(job.getId());
        assertThat(retry.getStatusCode().value()).isEqualTo(403);
        assertThat(managementService.createDeadLetterJobQuery().jobId(job.getId()).count()).isOne();
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void deadLettersOverTheThresholdMakeTheirHealthComponentDown() {
        failing.deadLetter();
        long count = deadLetterJobs.count();

        var over = new DeadLetterHealthIndicator(deadLetterJobs, (int) count - 1).health();
        var at = new DeadLetterHealthIndicator(deadLetterJobs, (int) count).health();

        assertThat(over.getStatus()).isEqualTo(Status.DOWN);
        assertThat(over.getDetails().get("message"))
                .isEqualTo(count + " dead-letter jobs, more than the threshold of " + (count - 1) + "; see why and retry them on /admin/jobs");
        assertThat(at.getStatus()).isEqualTo(Status.UP);
    }

    @AfterEach
    void noDeadLettersLeft() {
        failing.cleanUp();
    }

    private TestRestTemplate asAdmin() {
        return http.withBasicAuth("admin", ADMIN_PASSWORD);
    }

    private ResponseEntity<String> post(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return asAdmin().postForEntity(API + "/retry", new HttpEntity<>(body, headers), String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) throws Exception {
        return JSON.readTree(response.getBody());
    }
}

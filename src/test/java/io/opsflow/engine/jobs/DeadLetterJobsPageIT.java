package io.opsflow.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.TestUsers;
import io.opsflow.platform.WebSession;
import io.opsflow.support.OpsflowIntegrationTest;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.api.Job;
import org.flowable.job.service.impl.persistence.entity.DeadLetterJobEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /admin/jobs} through a logged-in admin session: what the admin sees and what the buttons do. */
@OpsflowIntegrationTest
class DeadLetterJobsPageIT {

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;

    FailingJobs failing;
    WebSession admin;

    @BeforeEach
    void adminSession() {
        failing = new FailingJobs(repositoryService, runtimeService, managementService);
        admin = new WebSession(port);
        assertThat(admin.logIn("admin", "admin-test-password").redirectsTo("/")).isTrue();
    }

    @AfterEach
    void noDeadLettersLeft() {
        failing.cleanUp();
    }

    @Test
    void theListShowsTheFirstLineOfTheReasonEscapedAndLinksTheInstance() {
        Job job = failing.deadLetter();

        var page = admin.get("/admin/jobs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-job-id=\"" + job.getId() + "\"")
                .contains("href=\"/instances/" + job.getProcessInstanceId() + "\"")
                .contains("Always fails").contains(FailingJobs.ACTIVITY)
                .contains("Failing step (test) (failing-step v")
                .contains("noSuchMethod(&#39;&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<b>bold</b>")
                .doesNotContain("second line")
                .doesNotContain("at org.flowable")
                .contains("name=\"shown\" value=\"" + job.getId() + "\"")
                .contains("href=\"/admin/jobs\">Jobs</a>");
    }

    @Test
    void theDetailsPageShowsTheStackTraceToAdmins() {
        Job job = failing.deadLetter();

        var details = admin.get("/admin/jobs/" + job.getId());

        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body()).contains("<summary>Stack trace</summary>").contains("FlowableException").contains("second line");
        assertThat(admin.get("/admin/jobs/no-such-job").redirectsTo("/admin/jobs")).isTrue();
    }

    @Test
    void retryOneMovesItAndSaysSo() {
        Job job = failing.deadLetter();

        var retried = admin.submit("/admin/jobs", "/admin/jobs/" + job.getId() + "/retry");

        assertThat(retried.redirectsTo("/admin/jobs")).isTrue();
        assertThat(admin.get("/admin/jobs").body()).contains("1 job moved back to the executable jobs with 3 tries each.");
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(3);
    }

    @Test
    void retrySelectedMovesTheTickedOnesAndCountsThoseAlreadyGone() {
        Job first = failing.deadLetter();
        Job second = failing.deadLetter();
        Job untouched = failing.deadLetter();

        admin.submit("/admin/jobs", "/admin/jobs/retry", "scope", "selected",
                "ids", first.getId(), "ids", second.getId(), "ids", "already-gone");

        assertThat(admin.get("/admin/jobs").body())
                .contains("2 jobs moved back to the executable jobs with 3 tries each. 1 no longer in the dead-letter table");
        assertThat(managementService.createDeadLetterJobQuery().jobId(first.getId()).count()).isZero();
        assertThat(managementService.createDeadLetterJobQuery().jobId(second.getId()).count()).isZero();
        assertThat(managementService.createDeadLetterJobQuery().jobId(untouched.getId()).count()).isOne();
    }

    @Test
    void retryAllShownTakesTheShownIdsNotTheTickedOnes() {
        Job shown = failing.deadLetter();
        Job ticked = failing.deadLetter();

        admin.submit("/admin/jobs", "/admin/jobs/retry", "scope", "shown", "shown", shown.getId(), "ids", ticked.getId());

        assertThat(managementService.createDeadLetterJobQuery().jobId(shown.getId()).count()).isZero();
        assertThat(managementService.createDeadLetterJobQuery().jobId(ticked.getId()).count()).isOne();
        assertThat(admin.submit("/admin/jobs", "/admin/jobs/retry", "scope", "selected").redirectsTo("/admin/jobs")).isTrue();
        assertThat(admin.get("/admin/jobs").body()).contains("Tick at least one job to retry.");
    }

    @Test
    void retryingWithoutTheCsrfTokenIsRefused() {
        Job job = failing.deadLetter();

        var forged = admin.postWithoutToken("/admin/jobs/" + job.getId() + "/retry");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(managementService.createDeadLetterJobQuery().jobId(job.getId()).count()).isOne();
    }

    @Test
    void staffCannotOpenThePage() {
        String staff = TestUsers.create(identityService, "dl-page", "staff");
        var session = new WebSession(port);
        session.logIn(staff, TestUsers.PASSWORD);

        assertThat(session.get("/admin/jobs").status()).isEqualTo(403);
        assertThat(session.get("/tasks").body()).doesNotContain("href=\"/admin/jobs\"");
    }

    @Test
    void aDeadLetterWithoutProcessInstanceOrDefinitionStillListsAndOpens() {
        // What a Flowable batch migration leaves when its status job fails: a timer job of no process.
        String id = managementService.executeCommand(commandContext -> {
            var jobs = CommandContextUtil.getProcessEngineConfiguration(commandContext).getJobServiceConfiguration().getDeadLetterJobEntityManager();
            DeadLetterJobEntity job = jobs.create();
            job.setJobType(Job.JOB_TYPE_TIMER);
            job.setJobHandlerType("process-migration-status");
            job.setJobHandlerConfiguration("{\"batchId\":\"gone\"}");
            job.setExceptionMessage("batch gone is missing\nsecond line");
            job.setRetries(0);
            job.setCreateTime(new java.util.Date());
            jobs.insert(job);
            return job.getId();
        });
        try {
            var page = admin.get("/admin/jobs");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("data-job-id=\"" + id + "\"").contains("batch gone is missing")
                    .contains("process-migration-status").doesNotContain("second line");
            var details = admin.get("/admin/jobs/" + id);
            assertThat(details.status()).isEqualTo(200);
            assertThat(details.body()).contains("process-migration-status");
        } finally {
            managementService.deleteDeadLetterJob(id);
        }
    }
}

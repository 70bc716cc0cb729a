package io.opsflow.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin in a real browser: the ticked checkboxes (which sit outside the bulk form and join it by
 * its id) are what "Retry selected" sends, and the details page opens the stack trace.
 */
@OpsflowIntegrationTest
class DeadLetterJobsBrowserIT {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    FailingJobs failing;
    @RegisterExtension final BrowserSession session = new BrowserSession(HeadlessChromium.DESKTOP, Duration.ofSeconds(20));
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        failing = new FailingJobs(repositoryService, runtimeService, managementService);
        browser = session.browser();
        wait = session.waiting();
    }

    @AfterEach
    void cleanUp() {
        failing.cleanUp();
    }

    @Test
    void anAdminRetriesTheTickedJobAndReadsTheOthersStackTrace() throws IOException {
        Job ticked = failing.deadLetter();
        Job other = failing.deadLetter();

        session.logIn("admin", "admin-test-password");
        browser.findElement(By.linkText("Jobs")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-job-id='" + other.getId() + "']")));
        session.screenshot("admin-dead-letter-jobs.png");

        browser.findElement(By.cssSelector("input[name=ids][value='" + ticked.getId() + "']")).click();
        browser.findElement(By.cssSelector("button[name=scope][value=selected]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
                "1 job moved back to the executable jobs with 3 tries each."));
        assertThat(managementService.createDeadLetterJobQuery().jobId(ticked.getId()).count()).isZero();
        assertThat(managementService.createDeadLetterJobQuery().jobId(other.getId()).count()).isOne();
        assertThat(browser.findElements(By.cssSelector("tr[data-job-id='" + ticked.getId() + "']"))).isEmpty();

        browser.findElement(By.cssSelector("tr[data-job-id='" + other.getId() + "']")).findElement(By.linkText("Details")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("summary"))).click();
        assertThat(browser.findElement(By.tagName("pre")).getText()).contains("FlowableException").contains("second line");
    }
}

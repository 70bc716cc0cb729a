package io.opsflow.design.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A designer in a real browser previews a migration, maps the renamed task, starts it and watches it finish. */
@OpsflowIntegrationTest
class MigrationBrowserIT {

    static final int INSTANCES = 20;

    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    MigrationFixture fixture;
    @RegisterExtension final BrowserSession session = new BrowserSession(HeadlessChromium.DESKTOP, Duration.ofSeconds(60));
    WebDriver browser;
    WebDriverWait wait;
    String designer;

    @BeforeEach
    void openBrowser() {
        fixture = new MigrationFixture(repositoryService, runtimeService, managementService);
        designer = TestUsers.create(identityService, "migrate-designer", Groups.DESIGNER);
        browser = session.browser();
        // The page re-renders its table and progress while it polls: elements found a moment ago go stale.
        wait = session.waiting();
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void aDesignerMapsTheRenamedTaskStartsAndSeesAllInstancesMigrated() throws IOException {
        ProcessDefinition v1 = fixture.deploy("review", "Review");
        ProcessDefinition v2 = fixture.deploy("check", "Check");
        fixture.start(v1, INSTANCES);
        session.logIn(designer, TestUsers.PASSWORD);

        session.get("/design/definitions/" + fixture.key + "/migrate");
        wait.until(d -> d.findElement(By.cssSelector("#migrate-preview-table tr[data-activity='review']")).getText()
                .contains("cannot: no such activity in v2"));
        assertThat(browser.findElement(By.id("migrate-status")).getText()).contains(INSTANCES + " of " + INSTANCES + " instances cannot migrate");
        assertThat(browser.findElement(By.id("migrate-start")).isEnabled()).isFalse();

        wait.until(d -> {
            new Select(d.findElement(By.cssSelector("select[data-map-from='review']"))).selectByValue("check");
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("migrate-status"),
                "All " + INSTANCES + " instances on v1 can move to v2."));
        wait.until(d -> d.findElement(By.cssSelector("#migrate-preview-table tr[data-activity='review']")).getText().contains("Check (check)"));
        wait.until(d -> d.findElement(By.id("migrate-start")).isEnabled());
        HeadlessChromium.click(wait, By.id("migrate-start"));
        String batchId = wait.until(d -> d.findElement(By.id("migrate")).getAttribute("data-batch-id"));
        wait.until(d -> d.findElement(By.id("migrate-count")).getText().contains("0 of " + INSTANCES + " migrated"));
        fixture.runBatch(batchId);

        wait.until(d -> d.findElement(By.id("migrate-count")).getText().contains(INSTANCES + " of " + INSTANCES + " migrated — done."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("migrate-status"), "Migration finished"));
        session.scrollToTop();
        session.screenshot("design-migrate.png");
        assertThat(taskService.createTaskQuery().processDefinitionId(v2.getId()).taskDefinitionKey("check").count()).isEqualTo(INSTANCES);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isZero();
    }
}

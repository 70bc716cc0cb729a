package io.opsflow.design.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.design.ModelApiCalls;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A designer compares two deployed versions on the diagram and dry-runs the newest with sample variables. */
@OpsflowIntegrationTest
class DesignVersionsBrowserIT {

    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    @RegisterExtension final BrowserSession session = new BrowserSession(HeadlessChromium.DESKTOP, Duration.ofSeconds(30));
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = session.browser();
        wait = session.waiting();
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void theDiffMarksTheChangedTaskAndTheDryRunListsThePathWithTheCandidates() throws IOException {
        String key = TestUsers.uniqueId("versions-page");
        String v1 = ModelApiCalls.withKey(ModelApiCalls.file("processes/service-request.bpmn20.xml"), "service-request", key);
        repositoryService.createDeployment().addString(key + ".bpmn20.xml", v1).deploy();
        repositoryService.createDeployment().addString(key + ".bpmn20.xml", v1.replace("name=\"Review the work\"", "name=\"Review\"")).deploy();
        String staff = TestUsers.create(identityService, "versions-staff", Groups.STAFF);
        String designer = TestUsers.create(identityService, "versions-designer", Groups.DESIGNER);

        session.logIn(designer, TestUsers.PASSWORD);
        session.get("/design/definitions/" + key);
        wait.until(ExpectedConditions.attributeToBe(By.id("definition"), "data-diff-shown", "1-2"));
        assertThat(browser.findElements(By.cssSelector("#versions-table tbody tr"))).hasSize(2);
        WebElement changed = browser.findElement(By.cssSelector("#diff-after [data-element-id='Task_ReviewRequest']"));
        assertThat(changed.getAttribute("class")).contains("opsflow-diff-changed");
        assertThat(browser.findElement(By.cssSelector("#diff-before [data-element-id='Task_ReviewRequest']")).getAttribute("class"))
                .contains("opsflow-diff-changed");
        assertThat(browser.findElement(By.cssSelector("#diff-after [data-element-id='Task_HandleRequest']")).getAttribute("class"))
                .doesNotContain("opsflow-diff");
        assertThat(browser.findElement(By.cssSelector("#diff-changes [data-element-id='Task_ReviewRequest']")).getText())
                .contains("changed userTask").contains("'Review the work' → 'Review'");
        session.screenshot("design-diff.png");

        WebElement variables = browser.findElement(By.id("dry-run-variables"));
        variables.clear();
        variables.sendKeys("{\"title\": \"Broken window\"}");
        HeadlessChromium.click(wait, By.id("dry-run-go")); // the screenshot scrolled to the top; the button may sit under the edge
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dry-run-steps [data-element-id='Task_HandleRequest']")));
        assertThat(browser.findElement(By.cssSelector("#dry-run-steps [data-element-id='Task_HandleRequest']")).getText())
                .contains("candidate groups staff").contains(staff);
        assertThat(browser.findElement(By.id("dry-run-status")).getText()).containsAnyOf("Reaches the end", "Stops after");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dry-run').scrollIntoView()");
        session.screenshot("design-dry-run.png");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }
}

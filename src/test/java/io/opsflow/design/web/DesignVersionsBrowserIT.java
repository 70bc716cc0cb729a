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
import java.util.Objects;
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

    @Test
    void theDryRunOfTheShippedWorkOrderListsTheDueTimeTimersOnTheWorkStepAsNonInterrupting() {
        String designer = TestUsers.create(identityService, "dry-wo-designer", Groups.DESIGNER);
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("work-order").count();

        session.logIn(designer, TestUsers.PASSWORD);
        session.get("/design/definitions/work-order");
        wait.until(ExpectedConditions.attributeToBe(By.id("definition"), "data-ready", "true"));
        dryRun("{\"candidateFound\": true, \"assignee\": \"sam\", \"acceptance\": \"accepted\"}");

        WebElement perform = step("Task_PerformWork");
        assertThat(perform.getText()).contains("Do the work");
        WebElement overdue = perform.findElement(By.cssSelector("[data-boundary-id='Timer_Overdue']"));
        assertThat(overdue.getText()).contains("Due time passed", "timer", "timeDate ${dueAt}", "non-interrupting",
                "leads to Service_RecordOverdue");
        assertThat(perform.findElement(By.cssSelector("[data-boundary-id='Timer_OverdueForAdmins']")).getText())
                .contains("Still overdue later", "timeDate ${escalateAt}", "non-interrupting", "leads to Service_RecordSecondLevel");
        assertThat(perform.findElements(By.cssSelector(".dry-run-take"))).as("a non-interrupting timer is not offered to take").isEmpty();
        assertThat(step("Task_AcceptWork").findElements(By.cssSelector("[data-boundary-id]"))).isEmpty();
        assertThat(browser.findElement(By.id("dry-run-status")).getText()).contains("Reaches the end");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("work-order").count()).isEqualTo(instances);
    }

    @Test
    void theDryRunGroupsSubProcessStepsNamesTheCalledProcessAndTakesAChosenInterruptingBoundaryEventUntilItIsDropped()
            throws IOException {
        String key = TestUsers.uniqueId("dry-boundary");
        repositoryService.createDeployment().addString(key + ".bpmn20.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://opsflow.io/test">
                  <process id="%s" name="Boundary sample" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="Sub_Check"/>
                    <subProcess id="Sub_Check" name="Check <b>first</b>">
                      <startEvent id="subStart"/>
                      <sequenceFlow id="s1" sourceRef="subStart" targetRef="Task_Look"/>
                      <userTask id="Task_Look" name="Look at it"/>
                      <sequenceFlow id="s2" sourceRef="Task_Look" targetRef="subEnd"/>
                      <endEvent id="subEnd"/>
                    </subProcess>
                    <sequenceFlow id="f2" sourceRef="Sub_Check" targetRef="Call_Approval"/>
                    <callActivity id="Call_Approval" name="Get approval" calledElement="${kind}-approval"/>
                    <sequenceFlow id="f3" sourceRef="Call_Approval" targetRef="Task_Work"/>
                    <userTask id="Task_Work" name="Work"/>
                    <boundaryEvent id="Timer_Late" name="Too late" attachedToRef="Task_Work">
                      <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="f4" sourceRef="Task_Work" targetRef="end"/>
                    <sequenceFlow id="f5" sourceRef="Timer_Late" targetRef="Task_Escalate"/>
                    <userTask id="Task_Escalate" name="Escalate"/>
                    <sequenceFlow id="f6" sourceRef="Task_Escalate" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key).replace("Check <b>first</b>", "Check &lt;b&gt;first&lt;/b&gt;")).deploy();
        String designer = TestUsers.create(identityService, "dry-boundary-designer", Groups.DESIGNER);

        session.logIn(designer, TestUsers.PASSWORD);
        session.get("/design/definitions/" + key);
        wait.until(ExpectedConditions.attributeToBe(By.id("definition"), "data-ready", "true"));
        dryRun("{\"kind\": \"purchase\"}");

        assertThat(step("Task_Look").getText()).contains("in Check <b>first</b>").contains("Look at it");
        assertThat(step("Task_Look").findElements(By.tagName("b"))).as("model text is text, not markup").isEmpty();
        assertThat(step("Task_Look").getAttribute("data-in")).isEqualTo("Sub_Check");
        assertThat(step("Call_Approval").getText()).containsOnlyOnce("would start purchase-approval");
        assertThat(step("Call_Approval").getAttribute("data-in")).isNull();
        assertThat(step("Task_Work").findElement(By.cssSelector("[data-boundary-id='Timer_Late']")).getText())
                .contains("Too late", "timer", "timeDuration PT1H", "interrupting", "leads to Task_Escalate").doesNotContain("non-interrupting");
        assertThat(browser.findElements(By.cssSelector("#dry-run-steps [data-element-id='Task_Escalate']"))).isEmpty();

        String runs = dryRuns();
        HeadlessChromium.click(wait, By.cssSelector("[data-element-id='Task_Work'] [data-boundary-id='Timer_Late'] .dry-run-take"));
        awaitAnotherDryRun(runs);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dry-run-steps [data-element-id='Task_Escalate']")));
        assertThat(step("Timer_Late").getText()).contains("boundaryEvent");
        assertThat(browser.findElement(By.cssSelector("#dry-run-taken [data-boundary-id='Timer_Late']")).getText())
                .contains("taking Too late on Work");
        assertThat(step("Task_Work").findElements(By.cssSelector(".dry-run-take"))).isEmpty();
        session.fullPageScreenshot(BrowserSession.SCREENSHOTS, "design-dry-run-boundary.png");

        runs = dryRuns();
        HeadlessChromium.click(wait, By.cssSelector("#dry-run-taken [data-boundary-id='Timer_Late'] .dry-run-untake"));
        awaitAnotherDryRun(runs);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dry-run-steps [data-element-id='end']")));
        assertThat(browser.findElements(By.cssSelector("#dry-run-steps [data-element-id='Task_Escalate']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#dry-run-taken [data-boundary-id]"))).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
    }

    private void dryRun(String sample) {
        WebElement variables = browser.findElement(By.id("dry-run-variables"));
        variables.clear();
        variables.sendKeys(sample);
        String runs = dryRuns();
        HeadlessChromium.click(wait, By.id("dry-run-go"));
        awaitAnotherDryRun(runs);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dry-run-steps li")));
    }

    /** How many dry runs the page has answered (null before the first). */
    private String dryRuns() {
        return browser.findElement(By.id("definition")).getAttribute("data-dry-runs");
    }

    private void awaitAnotherDryRun(String before) {
        wait.until(driver -> !Objects.equals(before, dryRuns()));
    }

    private WebElement step(String elementId) {
        return browser.findElement(By.cssSelector("#dry-run-steps > [data-element-id='" + elementId + "']"));
    }
}

package io.opsflow.design.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A designer draws start → user task → end with the palette's context pad, sets the task's name, candidate
 * group and form key in the properties panel, validates and deploys with a comment; a staff member then
 * starts the process and finds the task among the group tasks.
 */
@OpsflowIntegrationTest
class DesignStudioDrawingBrowserIT {

    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;

    @RegisterExtension final BrowserSession session = new BrowserSession(HeadlessChromium.DESKTOP, Duration.ofSeconds(30));
    WebDriver browser;
    WebDriverWait wait;
    String designer;
    String staff;

    @BeforeEach
    void openBrowser() {
        designer = TestUsers.create(identityService, "drawer", Groups.DESIGNER);
        staff = TestUsers.create(identityService, "drawn-staff", Groups.STAFF);
        browser = session.browser();
        wait = session.waiting();
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void aDesignerDrawsAUserTaskForStaffWithAFormAndStaffGetTheTask() throws IOException {
        String key = TestUsers.uniqueId("drawn");
        session.logIn(designer, TestUsers.PASSWORD);
        session.get("/design");
        browser.findElement(By.id("name")).sendKeys("Drawn request");
        browser.findElement(By.id("processKey")).sendKeys(key);
        HeadlessChromium.click(wait, By.cssSelector("#new-model button[type=submit]"));
        wait.until(ExpectedConditions.attributeToBe(By.id("designer"), "data-ready", "true"));

        click("[data-element-id='Start_Process']");
        click(".djs-context-pad [data-action='append.append-task']");
        String taskId = wait.until(d -> (String) js("var t = window.opsflowModeler.get('elementRegistry')"
                + ".filter(function (e) { return e.type === 'bpmn:Task'; })[0]; return t ? t.id : null;"));
        finishLabelEditing();
        select(taskId);
        click(".djs-context-pad [data-action='replace']");
        click(".djs-popup [data-id='replace-with-user-task']");
        wait.until(d -> "bpmn:UserTask".equals(js("return window.opsflowModeler.get('elementRegistry').get('" + taskId + "').type;")));
        select(taskId);
        click(".djs-context-pad [data-action='append.end-event']");
        finishLabelEditing();
        wait.until(d -> ((Number) js("return window.opsflowModeler.get('elementRegistry')"
                + ".filter(function (e) { return e.type === 'bpmn:EndEvent'; }).length;")).intValue() == 1);

        select(taskId);
        openGroup("general");
        type(field("name"), "Handle drawn request");
        openGroup("flowable");
        type(field("flowable-candidateGroups"), Groups.STAFF);
        new Select(wait.until(ExpectedConditions.elementToBeClickable(field("flowable-formKey")))).selectByValue("handle-request");
        wait.until(d -> "handle-request".equals(attribute(taskId, "flowable:formKey")));
        wait.until(d -> Groups.STAFF.equals(attribute(taskId, "flowable:candidateGroups")));
        wait.until(d -> "Handle drawn request".equals(attribute(taskId, "name")));
        String savedXml = (String) js("var done = arguments[arguments.length - 1];"
                + "window.opsflowModeler.saveXML().then(function (r) { done(r.xml); });", true);
        assertThat(savedXml).as("the select writes the form key into the BPMN").contains("flowable:formKey=\"handle-request\"")
                .contains("flowable:candidateGroups=\"staff\"");
        session.screenshot("design-drawn-user-task.png");

        HeadlessChromium.click(wait, By.id("design-validate"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("design-status"), "0 error(s)"));
        browser.findElement(By.id("design-comment")).sendKeys("drawn in the browser");
        HeadlessChromium.click(wait, By.id("design-deploy"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("design-status"), "Deployed " + key + " as version 1."));

        ProcessDefinition deployed = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).singleResult();
        UserTask task = (UserTask) repositoryService.getBpmnModel(deployed.getId()).getMainProcess().getFlowElement(taskId);
        assertThat(task.getFormKey()).isEqualTo("handle-request");
        assertThat(task.getCandidateGroups()).containsExactly(Groups.STAFF);
        String resource = new String(repositoryService.getResourceAsStream(deployed.getDeploymentId(), deployed.getResourceName())
                .readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resource).contains("flowable:formKey=\"handle-request\"");

        session.logOutByForgettingCookies();
        session.logIn(staff, TestUsers.PASSWORD);
        session.get("/processes/" + key + "/start");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start"))).click();
        wait.until(ExpectedConditions.urlContains("/instances/"));
        session.get("/tasks/group");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Handle drawn request"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private Object js(String script, boolean async) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script);
    }

    /** Selects a shape as a click would; the context pad and the properties panel follow the selection. */
    private void select(String elementId) {
        js("var m = window.opsflowModeler; m.get('selection').select(m.get('elementRegistry').get('" + elementId + "'));");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-context-pad.open .entry")));
    }

    private String attribute(String elementId, String name) {
        return (String) js("return window.opsflowModeler.get('elementRegistry').get('" + elementId + "').businessObject.get('" + name + "');");
    }

    private void click(String css) throws IOException {
        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        } catch (org.openqa.selenium.TimeoutException e) {
            session.screenshot("drawing-failure.png");
            throw e;
        }
    }

    /** Appending a task or event opens its label editor; the canvas keeps the empty label on Escape. */
    private void finishLabelEditing() {
        js("window.opsflowModeler.get('directEditing').complete();");
    }

    private By field(String entryId) {
        return By.id("bio-properties-panel-" + entryId);
    }

    private void type(By input, String text) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(input));
        element.clear();
        element.sendKeys(text);
    }

    private void openGroup(String groupId) {
        By header = By.cssSelector("[data-group-id='group-" + groupId + "'] .bio-properties-panel-group-header");
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(header));
        if (!element.getAttribute("class").contains("open")) {
            element.click();
        }
    }
}

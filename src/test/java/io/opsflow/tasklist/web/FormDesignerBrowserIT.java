package io.opsflow.tasklist.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A designer builds a form in a real browser: a required select and a field shown only for one of its
 * values; the live preview (the task list's own markup) shows the conditional field when the value is
 * picked; after saving, a staff member's task with that form key asks for it the same way.
 */
@OpsflowIntegrationTest
class FormDesignerBrowserIT {

    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

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
    void aDesignerAddsAConditionalFieldSeesItInThePreviewAndStaffGetIt() throws IOException {
        String designer = TestUsers.create(identityService, "form-designer", Groups.DESIGNER);
        String staff = TestUsers.create(identityService, "form-staff", Groups.STAFF);
        String key = TestUsers.uniqueId("leak-report");

        session.logIn(designer, TestUsers.PASSWORD);
        session.get("/design/forms");
        browser.findElement(By.id("new-form-key")).sendKeys(key);
        HeadlessChromium.click(wait, By.cssSelector("#new-form button[type=submit]"));
        wait.until(ExpectedConditions.attributeToBe(By.id("form-designer"), "data-ready", "true"));
        browser.findElement(By.id("form-title")).sendKeys(" — report a leak");

        new Select(browser.findElement(By.id("add-type"))).selectByValue("select");
        HeadlessChromium.click(wait, By.id("add-field"));
        setText(prop(0, "id"), "kind");
        setText(prop(0, "label"), "Kind of leak");
        HeadlessChromium.click(wait, By.cssSelector(".field-editor[data-index='0'] [data-prop='required']"));
        setText(prop(0, "options"), "tap=Dripping tap\nother=Something else");

        new Select(browser.findElement(By.id("add-type"))).selectByValue("text");
        HeadlessChromium.click(wait, By.id("add-field"));
        setText(prop(1, "id"), "otherDetail");
        setText(prop(1, "label"), "What is leaking?");
        HeadlessChromium.click(wait, By.cssSelector(".field-editor[data-index='1'] [data-prop='required']")); // required only while shown
        new Select(prop(1, "visibleWhen-field")).selectByValue("kind");
        setText(prop(1, "visibleWhen-equals"), "other");

        // The preview is redrawn after each change; wait for the one that knows the whole draft.
        wait.until(d -> previewOptions().contains("other") && d.findElement(By.id("preview-title")).getText().contains("report a leak")
                && !d.findElements(By.cssSelector("#form-preview [data-field-id=otherDetail][data-visible-field=kind][data-visible-equals=other]")).isEmpty());
        WebElement conditional = browser.findElement(By.cssSelector("#form-preview #field-otherDetail-wrap"));
        assertThat(conditional.isDisplayed()).as("hidden until the select says other").isFalse();
        assertThat(browser.findElement(By.cssSelector("#form-preview label[for=field-kind]")).getText()).contains("Kind of leak").contains("*");
        new Select(browser.findElement(By.cssSelector("#form-preview #field-kind"))).selectByValue("other");
        wait.until(d -> d.findElement(By.cssSelector("#form-preview #field-otherDetail-wrap")).isDisplayed());
        session.scrollToTop();
        session.screenshot("form-designer.png");

        browser.findElement(By.id("form-comment")).sendKeys("first version");
        HeadlessChromium.click(wait, By.id("form-save")); // after the screenshot's scroll to the top
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-status"), "Saved version 1."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-versions"), "first version"));

        String taskId = startTaskWithForm(key);
        session.logOutByForgettingCookies();
        session.logIn(staff, TestUsers.PASSWORD);
        session.get("/tasks/" + taskId);
        WebElement claim = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim")));
        HeadlessChromium.click(wait, By.id("claim"));
        // The claim reloads the same address; the form before it is a stale copy (CI 2026-12-04).
        wait.until(ExpectedConditions.stalenessOf(claim));
        wait.until(ExpectedConditions.urlContains("/tasks/" + taskId));
        WebElement kind = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-kind")));
        assertThat(browser.findElement(By.id("field-otherDetail-wrap")).isDisplayed()).isFalse();
        new Select(kind).selectByValue("other");
        wait.until(d -> d.findElement(By.id("field-otherDetail-wrap")).isDisplayed());
        HeadlessChromium.click(wait, By.id("complete"));
        WebElement error = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-otherDetail-error")));
        assertThat(error.getText()).contains("What is leaking?");
        assertThat(browser.findElement(By.id("field-otherDetail-wrap")).isDisplayed()).as("shown again with the entered value").isTrue();
        browser.findElement(By.id("field-otherDetail")).sendKeys("The radiator valve");
        HeadlessChromium.click(wait, By.id("complete"));
        wait.until(ExpectedConditions.urlContains("/tasks"));
        wait.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
    }

    private List<String> previewOptions() {
        return browser.findElements(By.cssSelector("#form-preview #field-kind option")).stream().map(o -> o.getAttribute("value")).toList();
    }

    private WebElement prop(int index, String prop) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".field-editor[data-index='" + index + "'] [data-prop='" + prop + "']")));
    }

    private static void setText(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private String startTaskWithForm(String key) {
        String processKey = key.replace('-', '_');
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                             targetNamespace="http://opsflow.io/test">
                  <process id="%s" name="Leak report" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="report"/>
                    <userTask id="report" name="Report the leak" flowable:candidateGroups="staff" flowable:formKey="%s"/>
                    <sequenceFlow id="f2" sourceRef="report" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(processKey, key);
        repositoryService.createDeployment().name(key).addString(key + ".bpmn20.xml", xml).deploy();
        var instance = runtimeService.startProcessInstanceByKey(processKey);
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }
}

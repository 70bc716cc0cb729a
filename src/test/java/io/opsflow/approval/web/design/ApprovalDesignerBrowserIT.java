package io.opsflow.approval.web.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.ApproverNode;
import io.opsflow.approval.model.ConditionNode;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 6's browser test: a designer builds a two-level approval with a condition branch in the simple
 * designer and publishes it; staff start it on /approvals; approver 1 returns it to the starter; the
 * starter resubmits; both approvers approve; the approval ends approved.
 */
@OpsflowIntegrationTest
class ApprovalDesignerBrowserIT {

    @RegisterExtension final BrowserSession session = new BrowserSession(HeadlessChromium.DESKTOP, Duration.ofSeconds(30));
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired ApprovalDefinitions definitions;

    WebDriver browser;
    WebDriverWait wait;
    String designer;
    String starter;
    String lead;
    String director;

    @BeforeEach
    void openBrowser() {
        designer = TestUsers.create(identityService, "ad-designer", Groups.DESIGNER);
        starter = TestUsers.create(identityService, "ad-staff", Groups.STAFF);
        lead = TestUsers.create(identityService, "ad-lead", Groups.STAFF);
        director = TestUsers.create(identityService, "ad-director", Groups.STAFF);
        browser = session.browser();
        wait = session.waiting();
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void aDesignedTwoLevelApprovalWithAConditionIsStartedReturnedResubmittedAndApproved() throws IOException {
        String code = TestUsers.uniqueId("purchase");

        // The designer: New, then level 1 (named lead), a condition on the title with level 2 (director) inside.
        logIn(designer);
        session.get("/approvals/design");
        browser.findElement(By.id("new-code")).sendKeys(code);
        browser.findElement(By.id("new-name")).sendKeys("Purchase request");
        click(By.id("new-approval-submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("approval-designer"), "data-ready", "true"));

        openNode("lead");
        new Select(setting("lead", "assignee.kind")).selectByValue("users");
        type(setting("lead", "assignee.users"), lead);
        type(setting("lead", "name"), "Team lead");

        addNode("main:1", "condition");
        WebElement firstBranch = branch("branch1.b0");
        type(firstBranch.findElement(By.cssSelector("[data-field='branch.name']")), "Laptop");
        click(By.cssSelector("[data-branch='branch1.b0'] .ad-add-condition"));
        new Select(branch("branch1.b0").findElement(By.cssSelector("[data-field='condition.field']"))).selectByValue("title");
        new Select(branch("branch1.b0").findElement(By.cssSelector("[data-field='condition.operator']"))).selectByValue("eq");
        type(branch("branch1.b0").findElement(By.cssSelector("[data-field='condition.value']")), "Laptop");

        addNode("branch1.b0:0", "approver");
        type(setting("step1", "name"), "Director");
        new Select(setting("step1", "assignee.kind")).selectByValue("users");
        type(setting("step1", "assignee.users"), director);
        new Select(setting("step1", "method")).selectByValue("any");
        new Select(setting("step1", "whenEmpty.action")).selectByValue("toUser");
        type(setting("step1", "whenEmpty.user"), lead);
        new Select(setting("step1", "whenStarter")).selectByValue("toSupervisor");
        click(By.cssSelector("[data-node-id='step1'] > .ad-settings [data-field='skipIfApprovedBefore']"));
        click(By.cssSelector("[data-node-id='step1'] > .ad-settings [data-field='timeout']"));
        type(setting("step1", "timeout.remindEveryHours"), "8");
        type(setting("step1", "timeout.remindTimes"), "2");
        new Select(setting("step1", "timeout.then")).selectByValue("autoReject");
        new Select(setting("step1", "fieldPermissions.details")).selectByValue("read");
        screenshotOf(node("step1"), "approval-designer-node.png");

        click(By.id("ad-validate"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ad-status"), "Valid"));
        click(By.id("ad-publish"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ad-status"), "Published as version 1"));
        click(By.cssSelector("[data-node-id='step1'] > .ad-node-head"));
        fullPageScreenshot("approval-designer.png");

        SimpleModel published = definitions.publishedModel(code, null);
        ApproverNode first = (ApproverNode) published.nodes().get(0);
        assertThat(first.name()).isEqualTo("Team lead");
        assertThat(first.assignee().users()).containsExactly(lead);
        ConditionNode condition = (ConditionNode) published.nodes().get(1);
        assertThat(condition.branches().get(0).conditions().get(0).value()).isEqualTo("Laptop");
        ApproverNode second = (ApproverNode) condition.branches().get(0).nodes().get(0);
        assertThat(second.assignee().users()).containsExactly(director);
        assertThat(second.method()).isEqualTo(ApproverNode.Method.ANY);
        assertThat(second.timeout().action()).isEqualTo(ApproverNode.TimeoutAction.AUTO_REJECT);
        assertThat(second.fieldPermissions()).isEqualTo(Map.of("details", ApproverNode.Permission.READ));

        // Staff start it from /approvals (the session must survive starting: the run-as helper restores it).
        logIn(starter);
        session.get("/approvals");
        new Select(browser.findElement(By.id("start-choice"))).selectByValue("approval-" + code);
        wait.until(ExpectedConditions.attributeToBe(By.id("start-approval"), "data-definition", "approval-" + code));
        browser.findElement(By.id("field-title")).sendKeys("Laptop");
        browser.findElement(By.id("field-details")).sendKeys("For the new hire");
        click(By.cssSelector("#start-approval button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approval-state"), "running"));
        String approvalId = browser.getCurrentUrl().replaceAll(".*/approvals/", "");

        // Approver 1 returns it to the starter.
        logIn(lead);
        session.get("/approvals");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#approval-rows a[href='/approvals/" + approvalId + "']")));
        session.get("/approvals/" + approvalId);
        var returnForm = new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "the lead's page shows no return form: " + browser.findElement(By.tagName("main")).getText());
        new Select(returnForm.until(ExpectedConditions.presenceOfElementLocated(By.id("return-target")))).selectByValue("starter");
        browser.findElement(By.cssSelector("#return-form input[name=comment]")).sendKeys("Which model?");
        click(By.id("return"));
        waitForMessage("Returned.");

        // The starter resubmits.
        logIn(starter);
        session.get("/approvals/" + approvalId);
        browser.findElement(By.cssSelector("#resubmit-form textarea[name=comment]")).sendKeys("The 14-inch one");
        click(By.id("resubmit"));
        waitForMessage("Resubmitted.");

        // Both levels approve (the title holds the condition, so the director's branch runs).
        approveAs(lead, approvalId, "ok");
        approveAs(director, approvalId, "approved");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approval-state"), "approved"));

        // The PDF prints: the page's print link answers a PDF to the signed-in session.
        String printHref = browser.findElement(By.id("print-approval")).getAttribute("href");
        Object printed = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('Content-Type') + ' '
                    + new TextDecoder().decode(new Uint8Array(b).slice(0, 5)))));
                """, printHref);
        assertThat(printed).asString().startsWith("200 application/pdf %PDF-");

        var finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(approvalId).includeProcessVariables().singleResult();
        assertThat(finished.getEndTime()).isNotNull();
        assertThat(finished.getProcessVariables()).containsEntry("approvalResult", "approved");
    }

    private void approveAs(String user, String approvalId, String comment) {
        logIn(user);
        session.get("/approvals/" + approvalId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("comment"))).sendKeys(comment);
        click(By.id("approve"));
        waitForMessage("Approved.");
    }

    private void logIn(String user) {
        session.logOutByForgettingCookies();
        session.logIn(user, TestUsers.PASSWORD, ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void waitForMessage(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), text));
    }

    private WebElement node(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-node-id='" + id + "']")));
    }

    private void openNode(String id) {
        click(By.cssSelector("[data-node-id='" + id + "'] > .ad-node-head"));
        wait.until(d -> node(id).findElement(By.cssSelector(".ad-settings")).isDisplayed());
    }

    /** A setting of a node, found afresh (structural changes re-render the chain). */
    private WebElement setting(String nodeId, String field) {
        return wait.until(d -> {
            WebElement found = d.findElement(By.cssSelector("[data-node-id='" + nodeId + "'] > .ad-settings [data-field='" + field + "']"));
            return found.isDisplayed() ? found : null;
        });
    }

    private WebElement branch(String key) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-branch='" + key + "']")));
    }

    private void addNode(String at, String type) {
        click(By.cssSelector("[data-add-at='" + at + "'] > .ad-plus"));
        click(By.cssSelector("[data-add-at='" + at + "'] [data-add='" + type + "']"));
    }

    /** Scrolls the element to the middle of the window first (the sticky parts of the page may cover an edge). */
    private void click(By by) {
        HeadlessChromium.click(wait, by);
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }


    /** The whole designer page, every node of the chain (saved under docs/images for docs/approvals.md). */
    private void fullPageScreenshot(String name) throws IOException {
        session.scrollToTop();
        session.fullPageScreenshot(BrowserSession.DOCUMENTATION_IMAGES, name);
    }

    /** Saved under docs/images for docs/approvals.md. */
    private void screenshotOf(WebElement element, String name) throws IOException {
        if (element == null) {
            session.scrollToTop();
        } else {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
        }
        session.screenshot(BrowserSession.DOCUMENTATION_IMAGES, name);
    }
}

package io.opsflow.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.approval.ApprovalFixtures;
import io.opsflow.approval.definition.ApprovalDefinitions;
import io.opsflow.approval.model.FormFieldSpec;
import io.opsflow.approval.model.SimpleModel;
import io.opsflow.approval.run.ApprovalRuntime;
import io.opsflow.platform.CurrentUser;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
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
 * The web start form in a real browser: an approval whose second level runs only for amounts over 1,000.
 * Staff pick it on /approvals, see every field of its form, fill in the amount, preview the approvers
 * (the director appears only for the large amount), submit, and the instance takes that branch. Returned to the
 * starter, the approval page shows the same form with its values; a value that does not fit comes back beside its
 * field, and the corrected resubmission takes the branch of the new amount.
 */
@OpsflowIntegrationTest
class ApprovalStartFormBrowserIT {

    @RegisterExtension final BrowserSession session = new BrowserSession(HeadlessChromium.DESKTOP, Duration.ofSeconds(30));
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ApprovalDefinitions definitions;
    @Autowired ApprovalRuntime runtime;
    @Autowired ApprovalFixtures fixtures;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = session.browser();
        wait = session.waiting();
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void staffFillTheWholeFormPreviewTheBranchOfTheAmountAndTheApprovalTakesIt() throws IOException {
        ApprovalFixtures.Purchasers people = fixtures.purchasers("sf");
        String designer = people.designer();
        String starter = people.starter();
        String lead = people.lead();
        String director = people.director();
        SimpleModel model = ApprovalFixtures.model(List.of(
                        FormFieldSpec.of("title", "What to buy", "text").asRequired(),
                        new FormFieldSpec("amount", "Amount (CNY)", "number", true, null, null, BigDecimal.ZERO, null, new BigDecimal("0.01"),
                                null, null, null, null, null, null),
                        FormFieldSpec.of("category", "Category", "select").asRequired()
                                .withOptions(List.of(new FormFieldSpec.Option("it", "IT equipment"), new FormFieldSpec.Option("travel", "Travel"))),
                        FormFieldSpec.of("needed", "Needed by", "date"),
                        FormFieldSpec.of("details", "Details", "textarea")),
                ApprovalFixtures.leadThenDirectorOver1000(lead, director));
        definitions.create(model, designer);
        String key = definitions.publish(model.code(), null, designer).processDefinitionKey();

        logIn(starter);
        session.get("/approvals");
        new Select(browser.findElement(By.id("start-choice"))).selectByValue(key);
        wait.until(ExpectedConditions.attributeToBe(By.id("start-approval"), "data-definition", key));

        // Every field with its type and required mark.
        assertThat(browser.findElement(By.id("field-amount")).getAttribute("type")).isEqualTo("number");
        assertThat(browser.findElement(By.id("field-amount")).getAttribute("min")).isEqualTo("0");
        assertThat(browser.findElement(By.id("field-needed")).getAttribute("type")).isEqualTo("date");
        assertThat(browser.findElement(By.id("field-details")).getTagName()).isEqualTo("textarea");
        assertThat(new Select(browser.findElement(By.id("field-category"))).getOptions()).extracting(WebElement::getText)
                .containsExactly("Choose…", "IT equipment", "Travel");
        assertThat(browser.findElement(By.cssSelector("label[for=field-amount]")).getText()).endsWith("*");
        assertThat(browser.findElement(By.cssSelector("label[for=field-needed]")).getText()).doesNotContain("*");

        browser.findElement(By.id("field-title")).sendKeys("Laptop for the new hire");
        type(By.id("field-amount"), "800");
        new Select(browser.findElement(By.id("field-category"))).selectByValue("it");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('field-needed').value = '2026-12-24'");
        browser.findElement(By.id("field-details")).sendKeys("14-inch, 32 GB");

        // Small amount: only the lead.
        HeadlessChromium.click(wait, By.id("preview-approvers"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#predicted-approvers li[data-node=lead]")));
        assertThat(browser.findElements(By.cssSelector("#predicted-approvers li[data-node=director]"))).isEmpty();
        assertThat(browser.findElement(By.id("field-amount")).getAttribute("value")).isEqualTo("800");
        assertThat(browser.findElement(By.id("field-needed")).getAttribute("value")).isEqualTo("2026-12-24");

        // The values are kept; a large amount brings the director's branch in.
        type(By.id("field-amount"), "2500");
        HeadlessChromium.click(wait, By.id("preview-approvers"));
        WebElement directorRow = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#predicted-approvers li[data-node=director]")));
        assertThat(directorRow.getText()).contains(director);
        assertThat(new Select(browser.findElement(By.id("field-category"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("it");
        session.fullPageScreenshot(BrowserSession.DOCUMENTATION_IMAGES, "approval-start-form.png");

        HeadlessChromium.click(wait, By.id("start-submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("approval-state"), "running"));
        String approvalId = browser.getCurrentUrl().replaceAll(".*/approvals/", "");
        assertThat(runtimeService.getVariables(approvalId)).containsEntry("amount", 2500L).containsEntry("category", "it")
                .containsEntry("needed", "2026-12-24").containsEntry("details", "14-inch, 32 GB");

        // The instance follows the branch the preview showed: after the lead, the director.
        String leadTask = taskService.createTaskQuery().processInstanceId(approvalId).taskAssignee(lead).singleResult().getId();
        runtime.approve(leadTask, "ok", new CurrentUser(lead, List.of(Groups.STAFF)));
        assertThat(taskService.createTaskQuery().processInstanceId(approvalId).taskAssignee(director).count()).isEqualTo(1);
    }

    @Test
    void aReturnedApprovalIsResubmittedThroughItsFormWithTheMessageBesideAFieldThatDoesNotFit() {
        ApprovalFixtures.Purchasers people = fixtures.purchasers("sf");
        String starter = people.starter();
        String lead = people.lead();
        SimpleModel model = ApprovalFixtures.model(List.of(
                        FormFieldSpec.of("title", "What to buy", "text").asRequired(),
                        new FormFieldSpec("amount", "Amount (CNY)", "number", true, null, null, BigDecimal.ZERO, null, new BigDecimal("0.01"),
                                null, null, null, null, null, null),
                        FormFieldSpec.of("buyer", "Who buys it", "user"),
                        FormFieldSpec.of("urgent", "Urgent", "checkbox")),
                ApprovalFixtures.leadThenDirectorOver1000(lead, people.director()));
        definitions.create(model, people.designer());
        String key = definitions.publish(model.code(), null, people.designer()).processDefinitionKey();
        CurrentUser asStarter = new CurrentUser(starter, List.of(Groups.STAFF));
        String approvalId = runtime.start(key, Map.of("title", "Laptop", "amount", 800L, "urgent", true), asStarter);
        String leadTask = taskService.createTaskQuery().processInstanceId(approvalId).taskAssignee(lead).singleResult().getId();
        runtime.returnTo(leadTask, "starter", "Which one, and who buys it?", new CurrentUser(lead, List.of(Groups.STAFF)));

        logIn(starter);
        session.get("/approvals/" + approvalId);
        // The form of the approval, with its values.
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-form.title"))).getAttribute("value")).isEqualTo("Laptop");
        assertThat(browser.findElement(By.id("field-form.amount")).getAttribute("type")).isEqualTo("number");
        assertThat(browser.findElement(By.id("field-form.amount")).getAttribute("value")).isEqualTo("800");
        assertThat(browser.findElement(By.id("field-form.urgent")).isSelected()).isTrue();

        type(By.id("field-form.amount"), "2500");
        browser.findElement(By.id("field-form.buyer")).sendKeys("nobody-buys");
        HeadlessChromium.click(wait, By.id("field-form.urgent"));
        browser.findElement(By.cssSelector("#resubmit-form textarea[name=comment]")).sendKeys("The 14-inch one");
        HeadlessChromium.click(wait, By.id("resubmit"));

        // Refused: the message beside the field, everything entered kept, the task still open, nothing changed.
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-form.buyer-error")));
        assertThat(problem.getText()).isEqualTo("There is no user nobody-buys.");
        assertThat(browser.findElement(By.cssSelector(".alert-warning")).getText()).contains("One field needs a change");
        assertThat(browser.findElement(By.id("field-form.amount")).getAttribute("value")).isEqualTo("2500");
        assertThat(browser.findElement(By.id("field-form.buyer")).getAttribute("value")).isEqualTo("nobody-buys");
        assertThat(browser.findElement(By.id("field-form.urgent")).isSelected()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#resubmit-form textarea[name=comment]")).getAttribute("value")).isEqualTo("The 14-inch one");
        assertThat(taskService.createTaskQuery().processInstanceId(approvalId).taskAssignee(starter).count()).isEqualTo(1);
        assertThat(runtimeService.getVariables(approvalId)).containsEntry("amount", 800L).containsEntry("urgent", true).doesNotContainKey("buyer");

        type(By.id("field-form.buyer"), lead);
        HeadlessChromium.click(wait, By.id("resubmit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Resubmitted."));
        assertThat(runtimeService.getVariables(approvalId)).containsEntry("amount", 2500L).containsEntry("buyer", lead)
                .containsEntry("urgent", false).containsEntry("title", "Laptop");

        // The chain goes on at its first node and routes by the new amount.
        leadTask = taskService.createTaskQuery().processInstanceId(approvalId).taskAssignee(lead).singleResult().getId();
        runtime.approve(leadTask, "ok", new CurrentUser(lead, List.of(Groups.STAFF)));
        assertThat(taskService.createTaskQuery().processInstanceId(approvalId).taskAssignee(people.director()).count()).isEqualTo(1);
    }

    private void type(By by, String text) {
        wait.until(ExpectedConditions.presenceOfElementLocated(by)).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private void logIn(String user) {
        session.logOutByForgettingCookies();
        session.logIn(user, TestUsers.PASSWORD, ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

}

package io.opsflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A staff member on a phone: log in, claim a group task, fill its form with a photo, complete it. */
@OpsflowIntegrationTest
class TaskListBrowserIT {

    private static final String PASSWORD = "browser-pass-1";

    @Autowired TaskListFixtures fixtures;
    @Autowired TaskService taskService;
    @TempDir Path temp;

    @RegisterExtension final BrowserSession session = new BrowserSession(HeadlessChromium.PHONE, Duration.ofSeconds(20));
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = session.browser();
        wait = session.waiting();
    }

    @Test
    void staffClaimsFillsAndCompletesAGroupTask() throws IOException {
        String staff = fixtures.newUser("maria", PASSWORD, "staff");
        var task = fixtures.startServiceRequest("requester", "Leaking radiator in room 12");
        By row = By.cssSelector("li[data-task-id='" + task.getId() + "']");

        session.logIn(staff, PASSWORD);

        browser.findElement(By.cssSelector(".navbar-toggler")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Group tasks"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        session.screenshot("tasklist-group.png");

        clickAfterScrolling(By.cssSelector("li[data-task-id='" + task.getId() + "'] button.claim"));
        wait.until(ExpectedConditions.urlContains("/tasks/" + task.getId()));
        assertThat(browser.findElement(By.id("field-title")).getText()).isEqualTo("Leaking radiator in room 12");

        browser.findElement(By.id("field-resolution")).sendKeys("Bled the radiator and replaced the valve.");
        browser.findElement(By.id("field-hoursSpent")).sendKeys("1.25");
        browser.findElement(By.id("field-partsUsed")).click();
        Path photo = Files.write(temp.resolve("valve.png"), TaskListFixtures.PNG);
        browser.findElement(By.id("field-photos")).sendKeys(photo.toString());
        session.screenshot("task-form.png");
        var formPage = browser.findElement(By.id("task-form"));
        clickAfterScrolling(By.id("complete"));
        wait.until(ExpectedConditions.stalenessOf(formPage));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Task completed."));
        assertThat(browser.findElements(row)).isEmpty();
        session.screenshot("tasklist-mine.png");
        session.get("/tasks/group");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-count")));
        assertThat(browser.findElements(row)).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(taskService.getTaskAttachments(task.getId())).hasSize(1);
    }

    private void clickAfterScrolling(By locator) {
        var element = session.scrollToMiddle(locator);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }
}

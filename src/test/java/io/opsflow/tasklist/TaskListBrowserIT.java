package io.opsflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff member on a phone: log in, claim a group task, fill its form with a photo, complete it. */
@OpsflowIntegrationTest
class TaskListBrowserIT {

    private static final String PASSWORD = "browser-pass-1";

    @LocalServerPort int port;
    @Autowired TaskListFixtures fixtures;
    @Autowired TaskService taskService;
    @TempDir Path temp;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.open(temp.resolve("profile"), HeadlessChromium.PHONE);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void staffClaimsFillsAndCompletesAGroupTask() throws IOException {
        String staff = fixtures.newUser("maria", PASSWORD, "staff");
        var task = fixtures.startServiceRequest("requester", "Leaking radiator in room 12");
        By row = By.cssSelector("li[data-task-id='" + task.getId() + "']");

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(staff);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/tasks"));

        browser.findElement(By.cssSelector(".navbar-toggler")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Group tasks"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        screenshot("tasklist-group.png");

        clickAfterScrolling(By.cssSelector("li[data-task-id='" + task.getId() + "'] button.claim"));
        wait.until(ExpectedConditions.urlContains("/tasks/" + task.getId()));
        assertThat(browser.findElement(By.id("field-title")).getText()).isEqualTo("Leaking radiator in room 12");

        browser.findElement(By.id("field-resolution")).sendKeys("Bled the radiator and replaced the valve.");
        browser.findElement(By.id("field-hoursSpent")).sendKeys("1.25");
        browser.findElement(By.id("field-partsUsed")).click();
        Path photo = Files.write(temp.resolve("valve.png"), TaskListFixtures.PNG);
        browser.findElement(By.id("field-photos")).sendKeys(photo.toString());
        screenshot("task-form.png");
        var formPage = browser.findElement(By.id("task-form"));
        clickAfterScrolling(By.id("complete"));
        wait.until(ExpectedConditions.stalenessOf(formPage));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Task completed."));
        assertThat(browser.findElements(row)).isEmpty();
        screenshot("tasklist-mine.png");
        browser.get(url("/tasks/group"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-count")));
        assertThat(browser.findElements(row)).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(taskService.getTaskAttachments(task.getId())).hasSize(1);
    }

    private void clickAfterScrolling(By locator) {
        // Bootstrap turns on smooth scrolling; scroll instantly so the element is where the click lands.
        var element = browser.findElement(locator);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name), png);
    }
}

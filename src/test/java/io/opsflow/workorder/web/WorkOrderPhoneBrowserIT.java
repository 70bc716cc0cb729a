package io.opsflow.workorder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.identity.UserSkills;
import io.opsflow.support.BrowserSession;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.order.WorkOrderStatus;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.work.TestPhotos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A staff member on a phone opens the work task, taps Start, ticks each checklist step, uploads a
 * photo and submits; a supervisor opens the acceptance, sees the photo and the ticks, accepts; the
 * order is archived.
 */
@OpsflowIntegrationTest
class WorkOrderPhoneBrowserIT {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final List<String> STEPS = List.of("勘察现场", "准备材料", "施工", "清理");

    @Autowired IdentityService identityService;
    @Autowired UserSkills userSkills;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired WorkOrderStore store;
    @TempDir Path temp;

    @RegisterExtension final BrowserSession session = new BrowserSession(PHONE, Duration.ofSeconds(20));
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = session.browser();
        wait = session.waiting();
        // Each tick posts a form and reloads the page: an element found just before the reload goes stale.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @Test
    void staffDoesTheWorkOnAPhoneAndTheSupervisorAcceptsIt() throws IOException {
        String skill = TestUsers.uniqueId("泥瓦");
        String staff = TestUsers.create(identityService, "phone-mason", Groups.STAFF);
        userSkills.replace(staff, List.of(skill));
        String supervisor = TestUsers.create(identityService, "phone-supervisor", Groups.SUPERVISOR);
        String processInstance = startOrder(supervisor, skill);
        String orderId = (String) runtimeService.getVariable(processInstance, "workOrderId");
        String number = (String) runtimeService.getVariable(processInstance, "workOrderNumber");
        String performTask = taskService.createTaskQuery().processInstanceId(processInstance).singleResult().getId();

        session.logIn(staff, TestUsers.PASSWORD);
        click(By.cssSelector("li[data-task-id='" + performTask + "'] a"));
        wait.until(ExpectedConditions.textToBe(By.id("task-name"), "Do the work"));
        click(By.id("open-work-page"));
        wait.until(ExpectedConditions.urlContains("/work-orders/" + orderId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(number);

        click(By.id("start-work"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Work started"));
        assertThat(browser.findElement(By.id("work-started")).getText()).contains("by " + staff);
        for (int step = 1; step <= STEPS.size(); step++) {
            By tick = By.cssSelector("#step-" + step + " button.tick");
            assertThat(browser.findElement(tick).getText()).isEqualTo("○");
            click(tick);
            wait.until(ExpectedConditions.attributeToBe(By.id("step-" + step), "data-done", "true"));
            assertThat(browser.findElement(By.cssSelector("#step-" + step + " .step-who")).getText()).startsWith(staff + " · ");
        }

        Path photo = Files.write(temp.resolve("finished-floor.jpg"), TestPhotos.jpeg(640, 480));
        browser.findElement(By.id("photo-input")).sendKeys(photo.toString());
        click(By.id("upload-photos"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "1 photo(s) added."));
        assertThat(loadedImages("#photos .photo-thumb img")).isEqualTo(1);
        browser.findElement(By.id("notes")).sendKeys("地面已找平，已清理。");
        session.scrollToMiddle(By.id("photos"));
        session.screenshot("work-order-perform.png");
        click(By.id("submit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), number + " submitted"));
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("SUBMITTED");
        assertThat(browser.findElements(By.id("submit"))).isEmpty();

        session.logOutByForgettingCookies();
        session.logIn(supervisor, TestUsers.PASSWORD);
        String acceptTask = taskService.createTaskQuery().processInstanceId(processInstance).singleResult().getId();
        session.get("/tasks/group");
        click(By.cssSelector("li[data-task-id='" + acceptTask + "'] a"));
        wait.until(ExpectedConditions.textToBe(By.id("task-name"), "Accept the work"));
        click(By.id("open-work-page"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("acceptance")));
        assertThat(loadedImages("#photos .photo-thumb img")).as("the photo is shown to the supervisor").isEqualTo(1);
        assertThat(browser.findElements(By.cssSelector("#checklist .step-who"))).hasSize(STEPS.size())
                .allSatisfy(who -> assertThat(who.getText()).startsWith(staff));
        assertThat(browser.findElement(By.id("work-notes")).getText()).contains("地面已找平");
        session.scrollToMiddle(By.id("photos"));
        session.screenshot("work-order-acceptance.png");

        click(By.cssSelector("#photos .photo-thumb"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".photo-lightbox:target img")));
        session.screenshot("work-order-photo-enlarged.png");
        click(By.cssSelector(".photo-lightbox:target"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".photo-lightbox img")));

        click(By.id("accept"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), number + " accepted and archived."));
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("ARCHIVED");
        assertThat(browser.findElement(By.id("archived-note")).getText()).contains("no longer changes");
        assertThat(browser.findElements(By.id("accept"))).isEmpty();
        assertThat(store.find(orderId).orElseThrow().status()).isEqualTo(WorkOrderStatus.ARCHIVED);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstance).finished().count()).isEqualTo(1);

        // The supervisor generates the monthly report of this month on the phone; it is listed with its PDF.
        session.get("/work-orders/reports");
        WebElement month = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("month")));
        String thisMonth = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", month, thisMonth);
        click(By.cssSelector("#generate-report button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-list"), thisMonth));
        assertThat(browser.findElements(By.cssSelector("#report-list .report-download"))).isNotEmpty();
        session.screenshot("work-order-reports.png");
    }

    private String startOrder(String supervisor, String skill) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", "地面维修");
        variables.put("skills", List.of(skill));
        variables.put("checklist", STEPS);
        variables.put("location", "A区 3号楼 大堂");
        variables.put("dueAt", Date.from(Instant.now().plus(Duration.ofHours(4))));
        identityService.setAuthenticatedUserId(supervisor);
        try {
            return runtimeService.startProcessInstanceByKey("work-order", variables).getId();
        } finally {
            identityService.setAuthenticatedUserId(null);
        }
    }

    /** How many of the matching images the browser actually decoded. */
    private long loadedImages(String css) {
        wait.until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
        Object count = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const images = [...document.querySelectorAll(arguments[0])];
                Promise.all(images.map(i => i.decode().then(() => i.naturalWidth > 0, () => false)))
                    .then(ok => done(ok.filter(Boolean).length));
                """, css);
        return ((Number) count).longValue();
    }

    private void click(By locator) {
        WebElement element = session.scrollToMiddle(locator);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

}

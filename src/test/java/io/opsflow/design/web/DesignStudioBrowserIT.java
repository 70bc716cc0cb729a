package io.opsflow.design.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.design.ModelApiCalls;
import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.BrowserSession;
import io.opsflow.support.HeadlessChromium;
import io.opsflow.support.OpsflowIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A designer in a real browser: the bpmn-js modeller loads from Opsflow itself, an imported Camunda file
 * shows its lint error on the diagram, and a valid file validates clean and deploys with its comment.
 */
@OpsflowIntegrationTest
class DesignStudioBrowserIT {

    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;
    @TempDir Path temp;

    @RegisterExtension final BrowserSession session = new BrowserSession(HeadlessChromium.DESKTOP, Duration.ofSeconds(30));
    WebDriver browser;
    WebDriverWait wait;
    String designer;

    @BeforeEach
    void openBrowser() {
        designer = TestUsers.create(identityService, "designer", Groups.DESIGNER);
        browser = session.browser();
        wait = session.waiting();
    }

    @Test
    void aDesignerImportsSeesTheLintErrorOnTheDiagramAndDeploysAValidFile() throws IOException {
        session.logIn(designer, TestUsers.PASSWORD);
        browser.findElement(By.linkText("Design")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-model")));

        importFile(Path.of("src/test/resources/design/camunda-modeler.bpmn").toAbsolutePath());
        waitForModeller();
        assertThat(browser.findElement(By.cssSelector(".alert-warning")).getText()).contains("camunda:historyTimeToLive")
                .contains("read by Flowable");
        assertThat(browser.findElements(By.cssSelector("#design-canvas .djs-shape"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.cssSelector(".bjs-powered-by"))).as("the bpmn.io watermark stays").isNotNull();

        browser.findElement(By.id("design-validate")).click();
        WebElement badge = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".djs-overlay .opsflow-lint-badge[data-rule='form-key-unknown']")));
        assertThat(badge.getAttribute("title")).contains("forms/");
        assertThat(browser.findElement(By.cssSelector("[data-element-id='StartEvent_Requested']")).getAttribute("class"))
                .contains("opsflow-lint-error");
        assertThat(browser.findElement(By.id("design-status")).getText()).contains("error");
        session.scrollToTop();
        session.screenshot("design-lint-marker.png");

        String key = TestUsers.uniqueId("studio-browser");
        Path valid = temp.resolve(key + ".bpmn20.xml");
        Files.writeString(valid, ModelApiCalls.withKey(ModelApiCalls.file("processes/service-request.bpmn20.xml"), "service-request", key));
        session.get("/design");
        importFile(valid);
        waitForModeller();
        browser.findElement(By.id("design-validate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("design-status"), "0 error(s)"));
        browser.findElement(By.id("design-comment")).sendKeys("imported from the repository");
        browser.findElement(By.id("design-deploy")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("design-status"), "Deployed " + key + " as version 1."));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();
    }

    private void importFile(Path file) {
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#import-model button[type=submit]")).click();
    }

    private void waitForModeller() {
        wait.until(ExpectedConditions.attributeToBe(By.id("designer"), "data-ready", "true"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#design-canvas .djs-shape")));
    }
}

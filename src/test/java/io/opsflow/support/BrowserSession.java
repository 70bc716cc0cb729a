package io.opsflow.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One browser test's window on the running Opsflow: a headless Chromium of a given size with a fresh profile
 * (see {@link HeadlessChromium}, the low-level part), a wait of a given patience, log-in through the real login
 * form (its CSRF token goes with the form) and screenshots. A JUnit extension: open before each test, closed after it.
 */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    /** Where the tests' screenshots go; a build artefact, looked at by people, compared by nothing. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Where the screenshots the documentation shows live (committed). */
    public static final Path DOCUMENTATION_IMAGES = Path.of("docs", "images");

    private final Dimension window;
    private final Duration patience;
    private Path profile;
    private WebDriver browser;
    private WebDriverWait wait;
    private int port;

    /**
     * A window of that size whose waits are that patient, opened before each test (with a fresh profile in a
     * temporary directory, for the server of the test's Spring context) and closed after it; register it with
     * {@code @RegisterExtension}.
     */
    public BrowserSession(Dimension window, Duration patience) {
        this.window = window;
        this.patience = patience;
    }

    @Override
    public void beforeEach(ExtensionContext test) throws IOException {
        port = SpringExtension.getApplicationContext(test).getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        profile = Files.createTempDirectory("opsflow-browser-profile");
        browser = HeadlessChromium.open(profile, window);
        wait = new WebDriverWait(browser, patience);
    }

    @Override
    public void afterEach(ExtensionContext test) throws IOException {
        close();
    }

    public WebDriver browser() {
        return browser;
    }

    /** The wait every step of the test polls with; a test may make it ignore stale elements. */
    public WebDriverWait waiting() {
        return wait;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public void get(String path) {
        browser.get(url(path));
    }

    /** Logs in through the login form and waits until the browser lands on the task list. */
    public void logIn(String user, String password) {
        logIn(user, password, ExpectedConditions.urlContains("/tasks"));
    }

    /** Logs in through the login form and waits until {@code landed} holds. */
    public void logIn(String user, String password, ExpectedCondition<?> landed) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        HeadlessChromium.click(wait, By.cssSelector("button[type=submit]"));
        wait.until(landed);
    }

    /** Forgets the logged-in user (the session cookie), so that the next {@link #logIn} starts afresh. */
    public void logOutByForgettingCookies() {
        browser.manage().deleteAllCookies();
    }

    /**
     * Scrolls the element to the middle of the window at once (Bootstrap turns on smooth scrolling, which would
     * leave it moving when a click lands) and returns it.
     */
    public WebElement scrollToMiddle(By locator) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    /** Scrolls the window to its top. */
    public void scrollToTop() {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    }

    /** Saves what the window shows now to {@link #SCREENSHOTS}. */
    public Path screenshot(String name) throws IOException {
        return screenshot(SCREENSHOTS, name);
    }

    /** Saves what the window shows now to that directory. */
    public Path screenshot(Path directory, String name) throws IOException {
        Path dir = Files.createDirectories(directory);
        return Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Saves the whole page, also what lies below the window, to that directory. */
    public Path fullPageScreenshot(Path directory, String name) throws IOException {
        Path dir = Files.createDirectories(directory);
        return Files.write(dir.resolve(name), HeadlessChromium.fullPageScreenshot(browser));
    }

    /** Quits the browser and removes its profile. */
    public void close() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            profile = null;
        }
    }
}

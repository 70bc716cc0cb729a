package io.opsflow.support;

import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromedriver, headless, with the flags this machine needs (no sandbox as root,
 * no background connections to a network that is not there) and a fresh profile.
 */
public final class HeadlessChromium {

    public static final Dimension PHONE = new Dimension(412, 915);
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    private HeadlessChromium() {}

    public static WebDriver open(Path profileDirectory, Dimension window) {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profileDirectory);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(window);
        return browser;
    }

    /**
     * Clicks the element once it is scrolled to the middle of the window, shown, enabled and not covered
     * (a sticky bar or a re-rendering panel intercepts clicks near the window's edge); a click still reported as
     * intercepted is made through the element itself.
     */
    public static void click(WebDriverWait wait, By by) {
        wait.until(d -> {
            WebElement element = d.findElement(by);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            try {
                element.click();
            } catch (ElementClickInterceptedException covered) {
                // Headless Chromium at another speed sometimes reports an overlay that never goes
                // (a re-rendered neighbour); the handlers still run with the element's own click.
                ((JavascriptExecutor) d).executeScript("arguments[0].click()", element);
            }
            return true;
        });
    }

    /**
     * A PNG of the whole page, beyond the window (DevTools {@code Page.captureScreenshot} with
     * {@code captureBeyondViewport} and a clip of the page's full content size), for docs screenshots.
     */
    public static byte[] fullPageScreenshot(WebDriver browser) {
        var chrome = (org.openqa.selenium.chromium.ChromiumDriver) browser;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 12_000);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    }
}

package io.opsflow.support;

import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
}

package ru.msoko.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system Chromium driven by the system chromedriver (Debian's chromium and chromium-driver packages), headless.
 * The driver's path is set explicitly so that Selenium Manager never downloads anything. Without the two binaries
 * the end-to-end tests fail on CI (CI=true) and are skipped elsewhere, saying what to install ({@link Required}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("msoko.e2e.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("msoko.e2e.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** What is missing to run the browser, or null when Chromium and chromedriver are both there. */
    static String missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return null;
        }
        return "end-to-end tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver)";
    }

    /**
     * Outside CI a test class without the browser is skipped before its Spring context starts, with the reason in
     * the report; on CI (CI=true) it runs and {@link #start} fails it.
     */
    static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = missing();
            return missing == null || "true".equals(System.getenv("CI"))
                    ? ConditionEvaluationResult.enabled("Chromium and chromedriver present, or CI")
                    : ConditionEvaluationResult.disabled(missing + " — skipped outside CI");
        }
    }

    /** Starts the browser; fails when Chromium or chromedriver is missing (reached only on CI, see Required). */
    static Browser start(String base) {
        String missing = missing();
        if (missing != null) {
            Assertions.fail(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--lang=ru-RU");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the app and checks that the browser logged no severe console error on it. */
    Browser open(String path) {
        driver.get(base + path);
        return noSevereErrors();
    }

    /**
     * Opens a page the app must refuse: the only severe console entry allowed is the browser's note of the refused
     * document itself («… the server responded with a status of 403», or 404 where the answer hides that the
     * thing exists).
     */
    Browser openRefused(String path) {
        driver.get(base + path);
        assertThat(severe()).as("console of " + path)
                .allMatch(m -> m.contains(path) && (m.contains("status of 403") || m.contains("status of 404")));
        return this;
    }

    Browser noSevereErrors() {
        assertThat(severe()).as("severe console errors on " + driver.getCurrentUrl()).isEmpty();
        return this;
    }

    private List<String> severe() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Signs in through the login form, after dropping any earlier session. */
    Browser login(String username, String password) {
        // leave the previous page first: a chart still fetching its data there would otherwise get a 401 once the
        // cookies are gone, and the next page's console check would blame that page for it
        driver.get("about:blank");
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // the address changes when the answer to the redirect arrives, not when the form is sent: wait (the driver
        // polls) for the next page — the signed-in header or the login page's message — or a slow start page is read
        // as a refused login
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(30));
        try {
            driver.findElement(By.cssSelector(".topbar .who, .login-box .alert"));
        } finally {
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        }
        return noSevereErrors();
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * Waits until an element matching the selector is on the page (a chart drawn after its data came): the browser
     * watches the page's changes and answers when it appears; a page where it never appears fails after 30 s.
     */
    Browser waitFor(String css) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeAsyncScript("""
                var css = arguments[0], done = arguments[arguments.length - 1];
                function check() { if (document.querySelector(css)) { done(true); return true; } return false; }
                if (!check()) {
                  new MutationObserver(function (m, o) { if (check()) { o.disconnect(); } })
                    .observe(document.documentElement, { subtree: true, childList: true, attributes: true });
                }""", css);
        return this;
    }

    /** Waits until no chart on the page is still fetching its data (static/js/charts.js marks them «loading»). */
    private void chartsSettled() {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                function settled() { return !document.querySelector('[data-chart-state=loading]'); }
                if (settled()) { done(true); } else {
                  new MutationObserver(function (m, o) { if (settled()) { o.disconnect(); done(true); } })
                    .observe(document.documentElement, { subtree: true, childList: true, attributes: true });
                }""");
    }

    /** Presses keys as a person does, to whatever element has the focus (Tab, Enter, «/»…). */
    Browser keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /**
     * Waits (polling, up to 30 s) until the address contains {@code part}; checks that page's console. After a click
     * that submits a form the driver may return before the browser has moved to the new address.
     */
    Browser waitForAddressWith(String part) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> driver.getCurrentUrl().contains(part));
        return noSevereErrors();
    }

    /** Waits (the driver polls, up to 30 s) until the address starts with {@code path}; checks that page's console. */
    Browser waitForPath(String path) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> driver.getCurrentUrl().startsWith(base + path));
        return noSevereErrors();
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Runs a script in the page and returns what it returns. */
    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Clicks and checks the console of the page the click led to. */
    Browser click(By by) {
        driver.findElement(by).click();
        return noSevereErrors();
    }

    /**
     * Saves the whole page (not just the 1366×768 window) as target/screenshots/{name}.png, through the DevTools
     * protocol's capture beyond the viewport.
     */
    Path screenshot(String name) {
        chartsSettled();
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = (Long) driver.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 1366,
                            "height", Math.min(4000, height), "scale", 1)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

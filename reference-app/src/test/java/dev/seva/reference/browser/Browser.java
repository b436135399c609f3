package dev.seva.reference.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, sealed off the network (only localhost and
 * *.localhost resolve), with a throw-away profile and HOME, that records CSP violations and script errors of every
 * page and saves screenshots as {@code target/screenshots/<test>-<step>.png}. Selenium Manager never runs: both paths
 * are explicit.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("seva.it.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("seva.it.chromedriver", "/usr/bin/chromedriver");
    static final Path SHOTS = Path.of(System.getProperty("seva.it.screenshots", "target/screenshots"));

    /**
     * Installed before any page script runs: CSP violations and uncaught errors end up in window.__problems, so a
     * test can prove the pages run under the real policy without breaking it.
     */
    private static final String WATCH = """
            window.__problems = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__problems.push(
              'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code')
              + ' at ' + e.sourceFile + ':' + e.lineNumber));
            window.addEventListener('error', (e) => window.__problems.push('error: ' + e.message));
            window.addEventListener('unhandledrejection', (e) => window.__problems.push(
              'unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
            """;

    final ChromeDriver driver;
    private final String test;

    private Browser(ChromeDriver driver, String test) {
        this.driver = driver;
        this.test = test;
    }

    /**
     * Skips the calling test (JUnit assumption, from {@code @BeforeEach} so each test is reported with the reason)
     * when Chromium or its driver is missing; fails instead when {@code SEVA_REQUIRE_SYSTEM_TOOLS=1} (.ci/run).
     */
    static void require() {
        String missing = !Files.isExecutable(Path.of(CHROMIUM))
                ? CHROMIUM
                : !Files.isExecutable(Path.of(DRIVER)) ? DRIVER : null;
        if (missing == null) {
            return;
        }
        String reason = "Browser tests need " + missing + ": run bin/system-tools as root, or apt-get install -y "
                + "chromium chromium-driver";
        if ("1".equals(System.getenv("SEVA_REQUIRE_SYSTEM_TOOLS"))) {
            fail(reason + " (SEVA_REQUIRE_SYSTEM_TOOLS=1 makes this a failure)");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    /**
     * @param tmp a fresh temporary folder: the profile and a fake HOME, so nothing lands in the real home
     * @param test the screenshot prefix
     */
    static Browser start(Path tmp, String test) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                // chromium otherwise writes ~/.config/chromium and ~/.cache/dconf despite --user-data-dir
                .withEnvironment(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config")
                        .toString(), "XDG_CACHE_HOME", home.resolve(".cache").toString()))
                .build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,900",
                // hermetic: no DNS except localhost, *.localhost (the tenants' hosts) and 127.0.0.1 (fake Razorpay)
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
        return new Browser(driver, test);
    }

    /** Opens a URL and waits until its module scripts have run (the document is complete). */
    Browser open(String url) {
        driver.get(url);
        waitUntil(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for a visible element. */
    WebElement visible(String css) {
        return wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until an element's text is exactly this. */
    WebElement text(String css, String expected) {
        try {
            wait(10).until(ExpectedConditions.textToBe(By.cssSelector(css), expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            List<WebElement> found = findAll(css);
            assertEquals(expected, found.isEmpty() ? "<no " + css + ">" : found.get(0).getText(), "text of " + css
                    + " on " + driver.getCurrentUrl() + "; page problems " + problems());
        }
        return find(css);
    }

    /** Waits until an element's text contains this. */
    WebElement textContains(String css, String part) {
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), part));
        return find(css);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait(10).until(condition);
    }

    /** Waits longer than the usual 10 seconds (OCR of a scan takes a few seconds; more on a busy machine). */
    <T> T waitUntil(int seconds, Function<WebDriver, T> condition) {
        return wait(seconds).until(condition);
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Types into a field after clearing it. */
    Browser type(String css, String value) {
        WebElement e = visible(css);
        e.clear();
        e.sendKeys(value);
        return this;
    }

    Browser click(String css) {
        visible(css).click();
        return this;
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** The computed value of a CSS property, as the page sees it (colours as {@code rgb(r, g, b)}). */
    String css(String selector, String property) {
        return (String) driver.executeScript("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])",
                find(selector), property);
    }

    /** @return the CSP violations and uncaught script errors of the current page */
    @SuppressWarnings("unchecked")
    List<String> problems() {
        Object p = driver.executeScript("return window.__problems || []");
        return (List<String>) p;
    }

    /** Asserts the page broke no CSP rule and threw nothing. */
    void assertNoProblems() {
        assertEquals(List.of(), problems(), "CSP violations or script errors on " + driver.getCurrentUrl());
    }

    /** Asserts no JavaScript dialog is open (an injected alert() would leave one). */
    void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            fail("a script ran: an alert says " + text);
        } catch (NoAlertPresentException expected) {
            // good
        }
    }

    /** Saves a screenshot as {@code <test>-<step>.png}; @return its path */
    Path shot(String step) {
        try {
            Path file = Files.createDirectories(SHOTS).resolve(test + "-" + step + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Emulates a 375×812 phone screen (CSS pixels; resizing the window would include the headless frame). */
    Browser phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 812,
                "deviceScaleFactor", 1, "mobile", true));
        return this;
    }

    /**
     * Signs in through the sign-in page of {@code origin} with a password (no second step) and waits for the portal
     * to show the user.
     */
    Browser signIn(String origin, String email, String password) {
        open(origin + "/login/");
        type("#username", email).type("#password", password).click("#sign-in");
        try {
            waitUntil(d -> d.getCurrentUrl().startsWith(origin + "/app/"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("signing in as " + email + " ended on " + driver.getCurrentUrl()
                    + ", not in the portal", e);
        }
        textContains("#user-name", email);
        return this;
    }

    /** Signs out with the portal's button and waits for the sign-in page. */
    Browser signOut() {
        click("#sign-out-button");
        waitUntil(d -> d.getCurrentUrl().contains("/login/"));
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}

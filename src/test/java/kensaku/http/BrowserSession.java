package kensaku.http;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One real headless Chromium (Debian's chromium and chromedriver; nothing is downloaded) and one real server over
 * the seeds plus the page's test articles, shared by the tests of one class. Fails, rather than skips, when the
 * browser is missing: .ci/run installs it.
 */
final class BrowserSession implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    final ServerFixture fixture;
    final ChromeDriver browser;

    private BrowserSession(ServerFixture fixture, ChromeDriver browser) {
        this.fixture = fixture;
        this.browser = browser;
    }

    static BrowserSession start(Path temp, boolean javaScript) throws IOException {
        return start(temp, javaScript, null);
    }

    /** As above, the server recording search analytics with {@code analytics}. */
    static BrowserSession start(Path temp, boolean javaScript, kensaku.analytics.Analytics analytics) throws IOException {
        ServerFixture fixture = new ServerFixture(temp, Duration.ofHours(1), List.of(),
                kensaku.corpus.SiteUrls.none(kensaku.index.IndexFixtures.TOKYO), List.of(AccessLog.text()), analytics,
                kensaku.index.IndexFixtures.SEEDS,
                ServerFixture.TEST_ARTICLES, ServerFixture.PAGE_ARTICLES);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=ja", "--window-size=1280,900", "--hide-scrollbars",
                "--user-data-dir=" + temp.resolve("chromium-profile"));
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new BrowserSession(fixture, browser);
    }

    String base() {
        return fixture.base();
    }

    void open(String pathAndQuery) {
        browser.get(base() + pathAndQuery);
    }

    void size(Dimension size) {
        browser.manage().window().setSize(size);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    long number(String script, Object... args) {
        return ((Number) js(script, args)).longValue();
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** The result count shown in the header ("12件"), without the time taken, which differs between runs. */
    String total() {
        return find("#count .total").getText();
    }

    /** An element's text as one line (a chip's × is its own box, so innerText puts it on a line of its own). */
    static String text(WebElement element) {
        return element.getText().replaceAll("\\s+", " ").strip();
    }

    List<String> titles() {
        return all(".results h2").stream().map(WebElement::getText).toList();
    }

    String activeElementDescription() {
        return String.valueOf(js("const e = document.activeElement; return e.tagName + '#' + e.id + '.' + e.className"
                + " + '[' + (e.name || '') + '=' + (e.value || '') + ']';"));
    }

    /** Console messages of level SEVERE since the last call (the log is drained by reading it). */
    List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Waits for the script's fetches to settle: nothing loading and the page's region swapped in. */
    void settle() {
        waitUntil(() -> Boolean.FALSE.equals(js("return document.body.classList.contains('loading');")));
    }

    void screenshot(String file) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", file), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            fixture.close();
        }
    }
}

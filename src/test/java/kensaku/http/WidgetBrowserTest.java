package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kensaku.corpus.Permalink;
import kensaku.corpus.SiteUrls;
import kensaku.index.IndexFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import kensaku.analytics.Analytics;
import kensaku.analytics.StoredEvents;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code <kensaku-search>} on a publisher's page: another origin (a static server on another port of 127.0.0.1)
 * with a strict CSP that allows only the kensaku origin, and hostile CSS, in a real headless Chromium.
 */
class WidgetBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** What the publisher's own stylesheet might do to everything on the page, the search box included. */
    private static final String HOSTILE_CSS = """
            * { all: unset !important; }
            html, body, h1, main, p { display: block !important; }
            head, script, style, link, title { display: none !important; }
            input { font-size: 40px !important; color: red !important; width: 3px !important; }
            mark { background: black !important; color: black !important; }
            a { pointer-events: none !important; }
            """;

    @TempDir
    static Path temp;
    static HttpServer publisher;
    static HttpServer stranger;
    static ServerFixture kensaku;
    static ChromeDriver browser;
    static Analytics analytics;

    @BeforeAll
    static void start() throws IOException {
        publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stranger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String site = origin(publisher);
        analytics = Analytics.open(temp.resolve("state"), Duration.ofDays(90));
        kensaku = new ServerFixture(temp, Duration.ofHours(1), List.of(site),
                new SiteUrls(site, Permalink.of(null, Permalink.Generator.JEKYLL, IndexFixtures.TOKYO)),
                List.of(AccessLog.text()), analytics, IndexFixtures.SEEDS, ServerFixture.TEST_ARTICLES);
        for (HttpServer server : List.of(publisher, stranger)) {
            server.createContext("/", WidgetBrowserTest::publisherPage);
            server.start();
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=ja", "--window-size=1280,900",
                "--user-data-dir=" + temp.resolve("chromium-profile"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        for (HttpServer server : new HttpServer[] {publisher, stranger}) {
            if (server != null) {
                server.stop(0);
            }
        }
        if (kensaku != null) {
            kensaku.close();
        }
        if (analytics != null) {
            analytics.close();
        }
    }

    private static String origin(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The publisher's site: the page with the search box, its stylesheet, and any other path an article. */
    private static void publisherPage(HttpExchange exchange) throws IOException {
        String kensakuOrigin = kensaku.base();
        String path = exchange.getRequestURI().getPath();
        String type = "text/html; charset=utf-8";
        String body;
        if (path.equals("/host.css")) {
            type = "text/css";
            body = HOSTILE_CSS;
        } else if (path.equals("/en/")) {
            body = """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Publisher</title>
                    <script src="%s/widget.js" type="module"></script></head>
                    <body><kensaku-search lang="en" facets="company" placeholder="Find an article"></kensaku-search>
                    </body></html>
                    """.formatted(kensakuOrigin);
        } else if (path.equals("/")) {
            body = """
                    <!doctype html><html lang="ja"><head><meta charset="utf-8"><title>出版社のページ</title>
                    <link rel="stylesheet" href="/host.css">
                    <script src="%s/widget.js" type="module"></script></head>
                    <body><h1>出版社のページ</h1>
                    <kensaku-search count="3" highlight-param="highlight"></kensaku-search></body></html>
                    """.formatted(kensakuOrigin);
        } else {
            body = """
                    <!doctype html><html lang="ja"><head><meta charset="utf-8"><title>記事</title>
                    <script src="%s/highlight.js" type="module"></script></head>
                    <body><main><h1>ロボティクスの記事</h1><p>トヨタ自動車とソフトバンクは、家庭用ロボティクスの共同研究を発表した。</p>
                    <p><code>&lt;script&gt;ロボティクス</code></p></main></body></html>
                    """.formatted(kensakuOrigin);
        }
        // Strict: scripts and requests only from kensaku, styles only from the page's own stylesheet.
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src " + kensakuOrigin
                + "; connect-src " + kensakuOrigin + "; style-src 'self'; base-uri 'none'; form-action 'none'");
        exchange.getResponseHeaders().set("Content-Type", type);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static SearchContext widget() {
        waitUntil(() -> (Boolean) js("return !!customElements.get('kensaku-search')"));
        return browser.findElement(By.tagName("kensaku-search")).getShadowRoot();
    }

    private static WebElement box() {
        return widget().findElement(By.cssSelector("input"));
    }

    private static List<WebElement> resultLinks() {
        return widget().findElements(By.cssSelector("li.hit a"));
    }

    private static String status() {
        return widget().findElement(By.cssSelector(".status")).getText();
    }

    private static long apiRequests() {
        return (Long) js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).length");
    }

    @Test
    void theWidgetRecordsItsCommittedSearchAndAClickOnAnotherOriginsPage() throws InterruptedException {
        StoredEvents stored = new StoredEvents(temp.resolve("state"));
        browser.get(origin(publisher) + "/");
        for (String key : List.of("ト", "ヨ", "タ")) {
            box().sendKeys(key);
            Thread.sleep(300);
        }
        box().sendKeys(Keys.ENTER);
        waitUntil(() -> !resultLinks().isEmpty());
        assertEquals(1, StoredEvents.awaitAtLeast(() -> stored.count("searches", "normalized = ?", "トヨタ"),
                1, Duration.ofSeconds(6)));
        WebElement second = resultLinks().get(1);
        second.click();
        waitUntil(() -> !browser.getCurrentUrl().equals(origin(publisher) + "/"));
        assertEquals(1, StoredEvents.awaitAtLeast(() -> stored.count("clicks", "normalized = ?", "トヨタ"),
                1, Duration.ofSeconds(6)));
        assertEquals(List.of(List.of("トヨタ", "2")), stored.rows("SELECT query, rank FROM clicks WHERE normalized = 'トヨタ'"));
        assertEquals(List.of(List.of("api", "1")), stored.rows("SELECT source, COUNT(*) FROM searches WHERE normalized = 'トヨタ' GROUP BY 1"),
                "one committed search; ト and トヨ were never committed");
        assertEquals(0, stored.count("searches", "normalized IN ('ト', ?)", "トヨ"));
    }

    @Test
    void searchAsYouTypeLinksToTheLiveArticleDespiteTheHostCss() {
        browser.get(origin(publisher) + "/");
        box().sendKeys("ロボティクス");
        waitUntil(() -> !resultLinks().isEmpty());
        assertTrue(status().matches("[0-9]+件"), status());
        WebElement link = resultLinks().stream().filter(a -> a.getAttribute("href").contains("robotics")).findFirst()
                .orElseThrow();
        assertEquals(origin(publisher) + "/%E7%94%A3%E6%A5%AD/2024/05/20/robotics.html?highlight="
                + "%E3%83%AD%E3%83%9C%E3%83%86%E3%82%A3%E3%82%AF%E3%82%B9", link.getAttribute("href"),
                "the live URL (Jekyll's default pattern), carrying the query for highlight.js");
        assertTrue(widget().findElements(By.cssSelector("li.hit time")).stream()
                .anyMatch(time -> time.getText().equals("2024年5月20日")), "dates in Japanese");
        WebElement mark = widget().findElement(By.cssSelector("li.hit mark"));
        assertEquals("ロボティクス", mark.getText());
        // The host's `* { all: unset }`, input and mark rules do not reach into the shadow root, and the widget's own
        // constructed stylesheet applies under a CSP whose style-src allows only the host page's file.
        assertTrue(mark.getCssValue("background-color").matches("rgba?\\(255, 243, 163(, 1)?\\)"),
                mark.getCssValue("background-color"));
        assertEquals("16px", box().getCssValue("font-size"));
        assertTrue(box().getSize().getWidth() > 200, "width " + box().getSize().getWidth());
        assertEquals("block", browser.findElement(By.tagName("kensaku-search")).getCssValue("display"));
    }

    @Test
    void imeCompositionSendsNothingUntilCommitted() throws InterruptedException {
        browser.get(origin(publisher) + "/");
        box().click();
        long before = apiRequests();
        browser.executeCdpCommand("Input.imeSetComposition", Map.of("text", "ろぼ", "selectionStart", 2, "selectionEnd", 2));
        browser.executeCdpCommand("Input.imeSetComposition", Map.of("text", "ろぼてぃくす", "selectionStart", 6, "selectionEnd", 6));
        Thread.sleep(800); // four times the widget's typing pause
        assertEquals("ろぼてぃくす", box().getAttribute("value"), "the composition reached the box");
        assertEquals(before, apiRequests(), "no request while composing");
        assertTrue(resultLinks().isEmpty());
        browser.executeCdpCommand("Input.insertText", Map.of("text", "ロボティクス"));
        waitUntil(() -> !resultLinks().isEmpty());
        assertEquals("ロボティクス", box().getAttribute("value"));
        assertTrue(apiRequests() > before);
    }

    @Test
    void suggestionsWorkFromTheKeyboard() {
        browser.get(origin(publisher) + "/");
        box().sendKeys("NV");
        waitUntil(() -> !widget().findElements(By.cssSelector("[role=option]")).isEmpty());
        assertEquals("true", box().getDomAttribute("aria-expanded"));
        // Keys to whatever has focus, as a reader's keyboard does (an element's sendKeys may refocus it).
        new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
        WebElement first = widget().findElement(By.cssSelector("[role=option]"));
        assertEquals("true", first.getDomAttribute("aria-selected"));
        assertEquals(first.getAttribute("id"), box().getDomAttribute("aria-activedescendant"));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitUntil(() -> "NVIDIA".equals(box().getAttribute("value")));
        waitUntil(() -> status().startsWith("6件"));
        assertEquals("false", box().getDomAttribute("aria-expanded"));
        assertEquals(3, resultLinks().size(), "count=\"3\"");
    }

    @Test
    void facetButtonsFilterAndEnglishLabelsWhenAskedFor() {
        browser.get(origin(publisher) + "/en/");
        assertEquals("Find an article", box().getDomProperty("placeholder"));
        box().sendKeys("投資");
        waitUntil(() -> status().endsWith("results"));
        String all = status();
        WebElement first = widget().findElements(By.cssSelector(".facets button")).get(0);
        assertEquals("Company", first.getDomProperty("title"));
        String label = first.getText();
        String company = label.substring(0, label.lastIndexOf(" ("));
        int count = Integer.parseInt(label.substring(label.lastIndexOf('(') + 1, label.length() - 1));
        assertEquals("false", first.getDomAttribute("aria-pressed"));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        waitUntil(() -> "false".equals(box().getDomAttribute("aria-expanded")));
        first.click();
        waitUntil(() -> status().equals(count + (count == 1 ? " result" : " results")));
        assertEquals("true", widget().findElements(By.cssSelector(".facets button")).stream()
                .filter(b -> b.getText().startsWith(company + " (")).findFirst().orElseThrow().getDomAttribute("aria-pressed"));
        assertTrue(resultLinks().size() <= 5);
    }

    @Test
    void anOriginNotAllowedIsRefused() {
        browser.get(origin(stranger) + "/");
        box().sendKeys("ロボティクス");
        waitUntil(() -> status().equals("検索サーバーに接続できませんでした"));
        assertTrue(resultLinks().isEmpty());
    }

    @Test
    void theLiveArticleHighlightsTheSearchedWords() {
        browser.get(origin(publisher) + "/");
        box().sendKeys("ロボティクス");
        waitUntil(() -> !resultLinks().isEmpty());
        resultLinks().stream().filter(a -> a.getAttribute("href").contains("robotics")).findFirst().orElseThrow().click();
        waitUntil(() -> browser.getCurrentUrl().contains("/robotics.html?highlight="));
        waitUntil(() -> !browser.findElements(By.cssSelector("mark.kensaku-highlight")).isEmpty());
        List<WebElement> marks = browser.findElements(By.cssSelector("mark.kensaku-highlight"));
        assertEquals(3, marks.size(), "the heading, the paragraph and the code");
        assertTrue(marks.stream().allMatch(m -> m.getText().equals("ロボティクス")));
        assertEquals("<script>ロボティクス", browser.findElement(By.tagName("code")).getText(),
                "text is wrapped, never parsed as HTML");
        assertFalse((Boolean) js("return document.querySelectorAll('main script').length > 0"));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }
}

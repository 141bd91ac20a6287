package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real headless Chromium (Debian's chromium and chromedriver; nothing is downloaded).
 * Fails, rather than skips, when the browser is missing: .ci/run installs it.
 */
class BrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    static Path temp;
    static ServerFixture fixture;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        fixture = new ServerFixture(temp, Duration.ofHours(1));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=ja", "--window-size=1280,900",
                "--user-data-dir=" + temp.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void desktopWidth() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void typingAQueryShowsHighlightedResultsAndUpdatesTheUrl() {
        browser.get(fixture.base() + "/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("Trainium");
        waitUntil(() -> browser.getCurrentUrl().contains("q=Trainium"));
        waitUntil(() -> !browser.findElements(By.cssSelector(".results mark")).isEmpty());
        assertTrue(status().startsWith("6件") || status().startsWith("5件"), status());
        assertEquals("Trainium", browser.findElements(By.cssSelector(".results mark")).get(0).getText());
    }

    @Test
    void tickingACompanyFiltersAndTheUrlReproducesThePageAndBackRestoresIt() {
        browser.get(fixture.base() + "/?q=" + ServerFixture.enc("投資"));
        String before = status();
        WebElement toyota = browser.findElement(By.cssSelector("input[name=company][value=Toyota]"));
        if (!toyota.isDisplayed()) {
            browser.findElement(By.cssSelector("fieldset[data-facet=company] button.more")).click();
        }
        toyota.click();
        waitUntil(() -> browser.getCurrentUrl().contains("company=Toyota"));
        waitUntil(() -> !status().equals(before));
        String filtered = status();
        List<String> titles = titles();

        browser.navigate().refresh();
        waitUntil(() -> status().equals(filtered));
        assertEquals(titles, titles(), "a reload of the URL gives the same page");
        assertTrue(browser.findElement(By.cssSelector("input[name=company][value=Toyota]")).isSelected());

        browser.navigate().back();
        waitUntil(() -> !browser.getCurrentUrl().contains("company=Toyota"));
        waitUntil(() -> status().equals(before));
        assertFalse(browser.findElement(By.cssSelector("input[name=company][value=Toyota]")).isSelected());
    }

    @Test
    void opensAnArticleWithLinksToFilteredSearches() {
        browser.get(fixture.base() + "/?q=" + ServerFixture.enc("ロボティクス"));
        browser.findElement(By.cssSelector(".results h2 a")).click();
        waitUntil(() -> browser.getCurrentUrl().contains("/articles/robotics.md"));
        assertEquals("トヨタとソフトバンクのロボティクス提携", browser.findElement(By.tagName("h1")).getText());
        WebElement chip = browser.findElement(By.cssSelector(".chip-company"));
        assertTrue(chip.getAttribute("href").contains("/?company="), chip.getAttribute("href"));
    }

    @Test
    void articlePageListsRelatedArticles() {
        browser.get(fixture.base() + "/articles/004_82b3f670182a709f.txt");
        assertEquals("関連記事", browser.findElement(By.cssSelector("#related h2")).getText());
        List<WebElement> links = browser.findElements(By.cssSelector("#related li a"));
        assertFalse(links.isEmpty());
        assertTrue(links.stream().noneMatch(a -> a.getAttribute("href").endsWith("/articles/004_82b3f670182a709f.txt")));
    }

    @Test
    void aMisspelledQueryOffersMoshikashiteAndItsLinkSearches() {
        browser.get(fixture.base() + "/?q=Bedrok");
        WebElement offer = browser.findElement(By.cssSelector(".did-you-mean a"));
        assertEquals("Bedrock", offer.getText());
        assertTrue(browser.findElement(By.cssSelector(".did-you-mean")).getText().startsWith("もしかして"));
        offer.click();
        waitUntil(() -> browser.getCurrentUrl().contains("q=Bedrock"));
        waitUntil(() -> !titles().isEmpty());
    }

    @Test
    void theXssArticleRunsNoScriptInTheListOrOnItsPage() {
        browser.get(fixture.base() + "/?q=" + ServerFixture.enc("罠"));
        waitUntil(() -> !titles().isEmpty());
        assertTrue(titles().get(0).contains("<script>"), "the title is shown as text: " + titles());
        assertNull(js("return window.__xss;"));
        browser.get(fixture.base() + "/articles/xss.md");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("<script>"));
        assertNull(js("return window.__xss;"));
    }

    @Test
    void zeroResultsSaySoAndOfferToRemoveFilters() {
        browser.get(fixture.base() + "/?q=" + ServerFixture.enc("存在しない単語列ぴよぴよ") + "&company=NVIDIA");
        String empty = browser.findElement(By.cssSelector(".empty")).getText();
        assertTrue(empty.contains("見つかりませんでした"), empty);
        browser.findElement(By.cssSelector(".empty a.clear")).click();
        waitUntil(() -> !browser.getCurrentUrl().contains("company="));
    }

    @Test
    void suggestionsWorkFromTheKeyboard() {
        browser.get(fixture.base() + "/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("えぬ");
        waitUntil(() -> !browser.findElements(By.cssSelector("#suggestions li")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("#suggestions li")).getText().startsWith("NVIDIA"));
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitUntil(() -> browser.getCurrentUrl().contains("company=NVIDIA"));
    }

    @Test
    void fitsAPhoneWithoutHorizontalScrolling() throws IOException {
        browser.manage().window().setSize(new Dimension(360, 800));
        browser.get(fixture.base() + "/?q=AWS");
        Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "horizontal overflow " + overflow);
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(fixture.base() + "/?q=" + ServerFixture.enc("投資"));
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theServerRendersTheSamePageWithoutJavaScript() throws Exception {
        String html = fixture.get("/?q=" + ServerFixture.enc("罠") + "&company=").body();
        assertTrue(html.contains("<mark>罠"), "highlighted results are in the HTML");
        assertTrue(html.contains("&lt;script&gt;"), "article text is escaped");
        assertFalse(html.contains("<script>window.__xss"), "no article script reaches the page");
        String facets = fixture.get("/?q=" + ServerFixture.enc("投資")).body();
        assertTrue(facets.contains("href=\"/?q=%E6%8A%95%E8%B3%87&amp;company=Toyota\""), "facets are links");
        assertEquals(400, fixture.get("/?size=0").statusCode());
    }

    /** The result count ("12件"), without the time taken, which differs between runs. */
    private static String status() {
        return browser.findElement(By.id("status")).getText().split("（")[0];
    }

    private static List<String> titles() {
        return browser.findElements(By.cssSelector(".results h2")).stream().map(WebElement::getText).toList();
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

package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The search page at desktop width in a real headless Chromium, with scripts on: search flow, labels, messages. */
class BrowserTest {
    @TempDir
    static Path temp;
    static BrowserSession page;

    @BeforeAll
    static void start() throws IOException {
        page = BrowserSession.start(temp, true);
    }

    @AfterAll
    static void stop() throws IOException {
        if (page != null) {
            page.close();
        }
    }

    @BeforeEach
    void desktopWidth() {
        page.size(BrowserSession.DESKTOP);
    }

    @Test
    void typingAQueryShowsHighlightedResultsAndUpdatesTheUrl() {
        page.open("/");
        page.find("#q").sendKeys("Trainium");
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("q=Trainium"));
        page.waitUntil(() -> !page.all(".results mark").isEmpty());
        assertTrue(page.total().equals("6件") || page.total().equals("5件"), page.total());
        assertEquals("Trainium", page.all(".results mark").get(0).getText());
    }

    @Test
    void theFirstSearchFromTheFrontPageIsInRelevanceOrder() {
        page.open("/");
        page.find("#q").sendKeys("NVIDIA");
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("q=NVIDIA"));
        page.settle();
        assertFalse(page.browser.getCurrentUrl().contains("sort="), page.browser.getCurrentUrl());
        assertEquals("relevance", page.js("return document.getElementById('sort').value;"));
        page.find("#q").sendKeys(Keys.ENTER);
        page.settle();
        assertFalse(page.browser.getCurrentUrl().contains("sort="), page.browser.getCurrentUrl());
    }

    @Test
    void tickingACompanyKeepsFocusOnItAndTheUrlReproducesThePageAndBackRestoresIt() {
        page.open("/?q=" + ServerFixture.enc("投資"));
        String before = page.total();
        WebElement toyota = page.find("input[name=company][value=Toyota]");
        if (!toyota.isDisplayed()) {
            page.find("fieldset[data-facet=company] details.more summary").click();
        }
        toyota.click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("company=Toyota"));
        page.waitUntil(() -> !page.total().equals(before));
        page.settle();
        assertEquals("INPUT#.[company=Toyota]", page.activeElementDescription(), "focus stays on the checkbox");
        String filtered = page.total();
        List<String> titles = page.titles();

        page.browser.navigate().refresh();
        page.waitUntil(() -> page.total().equals(filtered));
        assertEquals(titles, page.titles(), "a reload of the URL gives the same page");
        assertTrue(page.find("input[name=company][value=Toyota]").isSelected());

        page.browser.navigate().back();
        page.waitUntil(() -> !page.browser.getCurrentUrl().contains("company=Toyota"));
        page.waitUntil(() -> page.total().equals(before));
        assertFalse(page.find("input[name=company][value=Toyota]").isSelected());
    }

    @Test
    void changingTheSortKeepsFocusOnTheSelect() {
        page.open("/?q=AI");
        page.find("#sort").sendKeys(Keys.ARROW_DOWN);
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("sort=date"));
        page.settle();
        assertEquals("SELECT#sort.[sort=date]", page.activeElementDescription());
    }

    @Test
    void theResultsHeaderSaysWhatWasSearchedWhichHitsAreShownAndTheFiltersAsRemovableChips() {
        page.open("/?q=AI&company=Amazon&from=2025-10&to=2026-01&size=2");
        assertEquals("「AI」の検索結果", page.find("h1").getText());
        String count = page.find("#count").getText();
        assertTrue(count.matches("1〜2件目／\\d+件（\\d+\\.\\d\\d秒）"), count);
        List<String> chips = page.all(".active-filters .chip").stream().map(BrowserSession::text).toList();
        assertEquals(List.of("企業: アマゾン ×", "期間: 2025年10月〜2026年1月 ×"), chips);
        page.all(".active-filters .chip").get(1).click();
        page.waitUntil(() -> !page.browser.getCurrentUrl().contains("from="));
        assertTrue(page.browser.getCurrentUrl().contains("company=Amazon"));
        page.settle();
        page.find(".active-filters .clear").click();
        page.waitUntil(() -> !page.browser.getCurrentUrl().contains("company="));
        assertEquals("「AI」の検索結果", page.find("h1").getText());
    }

    @Test
    void typingAddsOneHistoryEntryAndACommittedSearchNoMore() throws InterruptedException {
        // A tab of its own: Chromium stops counting history.length at 50.
        String first = page.browser.getWindowHandle();
        page.browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        try {
            typeAndCommit();
        } finally {
            page.browser.close();
            page.browser.switchTo().window(first);
        }
    }

    private static void typeAndCommit() throws InterruptedException {
        page.open("/");
        long before = page.number("return history.length;");
        WebElement box = page.find("#q");
        for (String part : List.of("ロ", "ボ", "ティクス")) {
            box.sendKeys(part);
            Thread.sleep(450);
            page.settle();
        }
        box.sendKeys(Keys.ENTER);
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("q=" + ServerFixture.enc("ロボティクス")));
        page.settle();
        assertEquals(before + 1, page.number("return history.length;"), "one entry for the whole search");
        page.browser.navigate().back();
        page.waitUntil(() -> !page.browser.getCurrentUrl().contains("q="));
    }

    @Test
    void escapeClosesTheSuggestionsAndKeepsTheQuery() {
        page.open("/");
        WebElement box = page.find("#q");
        box.sendKeys("えぬ");
        page.waitUntil(() -> !page.all("#suggestions li").isEmpty());
        page.settle();
        String url = page.browser.getCurrentUrl();
        box.sendKeys(Keys.ESCAPE);
        page.waitUntil(() -> !page.find("#suggestions").isDisplayed());
        assertEquals("えぬ", box.getAttribute("value"));
        page.settle();
        assertEquals(url, page.browser.getCurrentUrl(), "no new search");
    }

    @Test
    void aSuggestionRequestStillInFlightDoesNotReopenAfterEnter() throws InterruptedException {
        page.open("/");
        // Suggestions answer slowly here, so Enter comes while the request is in flight.
        page.js("""
                const original = window.fetch;
                window.__aborted = 0;
                window.fetch = (url, options) => !String(url).startsWith('/api/suggest') ? original(url, options)
                  : new Promise((resolve, reject) => {
                      const timer = setTimeout(() => original(url, options).then(resolve, reject), 1200);
                      if (options && options.signal) options.signal.addEventListener('abort', () => {
                        window.__aborted++; clearTimeout(timer); reject(new DOMException('aborted', 'AbortError')); });
                    });
                """);
        WebElement box = page.find("#q");
        box.sendKeys("えぬ");
        Thread.sleep(500);
        box.sendKeys(Keys.ENTER);
        Thread.sleep(1800);
        page.settle();
        assertFalse(page.find("#suggestions").isDisplayed(), "suggestions stay closed after Enter");
        assertEquals(0L, page.number("return document.querySelectorAll('#suggestions li').length;"));
    }

    @Test
    void suggestionsPutCompaniesFirstTitlesByClosenessAndMarkWhatWasTyped() {
        page.open("/");
        WebElement box = page.find("#q");
        box.sendKeys("量子計算");
        page.waitUntil(() -> page.all("#suggestions li").size() >= 2);
        List<String> texts = page.all("#suggestions li .text").stream().map(WebElement::getText).toList();
        assertEquals("量子計算の基礎", texts.get(0), texts.toString());
        assertEquals("量子計算", page.find("#suggestions li mark").getText());
        box.clear();
        box.sendKeys("えぬ");
        page.waitUntil(() -> !page.all("#suggestions li").isEmpty()
                && page.find("#suggestions li").getText().startsWith("エヌビディア"));
        assertEquals("エヌ", page.find("#suggestions li mark").getText(), "the kana typed, marked in katakana");
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("company=NVIDIA"));
    }

    @Test
    void pagingScrollsToTheFirstResultAndFocusesTheList() {
        page.size(new org.openqa.selenium.Dimension(1280, 600));
        page.open("/?size=2");
        page.js("window.scrollTo(0, document.body.scrollHeight);");
        page.find(".pages a[rel=next]").click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("page=2"));
        page.settle();
        page.waitUntil(() -> page.number("return Math.round(document.querySelector('#hits .hit').getBoundingClientRect().top);") >= 0
                && page.number("return Math.round(document.querySelector('#hits .hit').getBoundingClientRect().top);") < 300);
        assertEquals("hits", page.js("return document.activeElement.id;"));
    }

    @Test
    void theSkipLinkMovesToTheResultsWithoutFetchingAndTheLiveRegionSurvivesSearches() throws InterruptedException {
        page.open("/?q=AI");
        page.js("window.__fetches = 0; const original = window.fetch;"
                + " window.fetch = (u, o) => { window.__fetches++; return original(u, o); };");
        new org.openqa.selenium.interactions.Actions(page.browser).sendKeys(Keys.TAB).perform();
        assertEquals("本文へ移動", page.js("return document.activeElement.textContent;"));
        page.js("document.activeElement.click();");
        Thread.sleep(600);
        assertEquals(0L, page.number("return window.__fetches;"), "the skip link does not search again");
        assertEquals("main", page.js("return document.activeElement.id;"));

        page.find("input[name=company][value=Amazon]").click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("company=Amazon"));
        page.waitUntil(() -> String.valueOf(page.js("return document.getElementById('live').textContent;")).contains("件"));
        assertEquals(Boolean.FALSE, page.js("return document.getElementById('app').contains(document.getElementById('live'));"));
        assertEquals(Boolean.FALSE, page.js("return document.getElementById('app').contains(document.getElementById('main'));"));
    }

    @Test
    void theFirstResultIsAFewTabStopsFromTheSearchBox() {
        page.open("/?q=AI");
        page.find("#q").click();
        int stops = 0;
        while (stops < 30 && !Boolean.TRUE.equals(page.js("return Boolean(document.activeElement.closest('.hit'));"))) {
            page.browser.switchTo().activeElement().sendKeys(Keys.TAB);
            stops++;
        }
        assertTrue(stops <= 8, "the first result is tab stop " + stops);
    }

    @Test
    void theArticlePageLeadsBackToTheExactSearchAndMarksItsWords() {
        String search = "/?q=" + ServerFixture.enc("ロボティクス") + "&company=Toyota&sort=date";
        page.open(search);
        page.find(".results h2 a").click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("/articles/robotics.md"));
        assertEquals("トヨタとソフトバンクのロボティクス提携", page.find("h1").getText());
        assertEquals("ロボティクス", page.find(".article-body mark").getText());
        WebElement back = page.find(".back a");
        assertEquals("検索結果に戻る", back.getText());
        back.click();
        page.waitUntil(() -> page.browser.getCurrentUrl().endsWith(search));
        assertTrue(page.find("input[name=company][value=Toyota]").isSelected());
    }

    @Test
    void opensAnArticleWithLinksToFilteredSearchesInJapanese() {
        page.open("/articles/robotics.md");
        WebElement chip = page.find(".chip-company");
        assertTrue(chip.getAttribute("href").contains("/?company="), chip.getAttribute("href"));
        List<String> companies = page.all(".chip-company").stream().map(WebElement::getText).toList();
        assertTrue(companies.contains("トヨタ") && companies.contains("ソフトバンク"), companies.toString());
        assertEquals("検索ページへ", page.find(".back a").getText());
    }

    @Test
    void companiesAreShownWithTheirJapaneseNamesAndTagsDoNotRepeatThem() {
        page.open("/");
        List<String> companies = page.all("fieldset[data-facet=company] a").stream()
                .map(a -> a.getAttribute("textContent")).toList();
        assertTrue(companies.contains("トヨタ") && companies.contains("アマゾン") && companies.contains("ソニー"),
                companies.toString());
        assertEquals("Toyota", page.find("fieldset[data-facet=company] input[value=Toyota]").getAttribute("value"));
        List<String> tags = page.all("fieldset[data-facet=tag] input").stream().map(i -> i.getAttribute("value")).toList();
        assertFalse(tags.contains("Google") || tags.contains("Amazon") || tags.contains("Sony"), tags.toString());
        assertTrue(tags.contains("量子"), tags.toString());
    }

    @Test
    void messagesSayWhatHappenedWhereTheResultsGo() throws Exception {
        page.open("/?q=" + "あ".repeat(1_001));
        assertEquals("検索できませんでした", page.find("h1").getText());
        assertTrue(page.find(".results-area").getText().contains("検索語が長すぎます"), page.find(".results-area").getText());

        page.open("/?size=2&page=600");
        String notice = page.find(".results-area").getText();
        assertTrue(notice.contains("600ページ目はありません") && notice.contains("5ページ目まで"), notice);
        page.find(".results-area a[href*='page=5']").click();
        page.waitUntil(() -> !page.titles().isEmpty());

        page.open("/?page=1001");
        notice = page.find(".results-area").getText();
        assertTrue(notice.contains("1,001ページ目はありません"), notice);
        assertEquals(404, page.fixture.get("/?page=1001").statusCode());

        page.open("/?q=Bedrok");
        assertTrue(page.find(".did-you-mean").getText().startsWith("もしかして：Bedrock"), page.find(".did-you-mean").getText());
        page.find(".did-you-mean a").click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("q=Bedrock"));
        page.waitUntil(() -> !page.titles().isEmpty());
    }

    @Test
    void noConsoleErrorsAFaviconAndHtmlWithItsCharset() throws Exception {
        page.consoleErrors();
        page.open("/?q=AI");
        page.open("/articles/robotics.md");
        assertEquals(List.of(), page.consoleErrors());
        assertEquals(200, page.fixture.get("/static/favicon.svg").statusCode());
        for (String path : List.of("/", "/articles/robotics.md", "/nothing-here")) {
            String type = page.fixture.get(path).headers().firstValue("Content-Type").orElse("");
            assertTrue(type.toLowerCase(java.util.Locale.ROOT).replace(" ", "").contains("text/html;charset=utf-8"),
                    path + ": " + type);
        }
    }

    @Test
    void anEmojiWordDoesNotEmptyTheResults() {
        page.open("/?q=" + ServerFixture.enc("ロボティクス"));
        String plain = page.total();
        assertFalse(plain.equals("0件"));
        page.open("/?q=" + ServerFixture.enc("🚀 ロボティクス"));
        assertEquals(plain, page.total());
    }

    /** The page's own first load (HTML, style sheet, script, icon) as the server sends it compressed. */
    @Test
    void theFirstLoadStaysWithin25KilobytesCompressed() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long total = 0;
        StringBuilder sizes = new StringBuilder();
        for (String path : List.of("/", "/static/kensaku.css", "/static/kensaku.js", "/static/favicon.svg")) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(page.base() + path))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean compressed = response.headers().firstValue("Content-Encoding").orElse("").equals("gzip");
            long bytes = compressed ? response.body().length : gzipped(response.body());
            sizes.append(path).append(' ').append(bytes).append(' ');
            total += bytes;
        }
        System.out.println("first load, compressed: " + total + " bytes (" + sizes.toString().strip() + ")");
        assertTrue(total <= 25 * 1024, "first load " + total + " bytes: " + sizes);
    }

    private static long gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }

    @Test
    void noSeriousAccessibilityViolationsOnResultsFilteredAndArticlePages() throws Exception {
        for (String path : List.of("/?q=AI", "/?q=AI&company=Amazon&from=2025-10&to=2026-01", "/articles/robotics.md?q=AI")) {
            page.open(path);
            assertEquals(List.of(), Axe.seriousViolations(page), path);
        }
    }

    @Test
    void aMisspelledQueryOffersMoshikashiteAndItsLinkSearches() {
        page.open("/?q=Bedrok");
        WebElement offer = page.find(".did-you-mean a");
        assertEquals("Bedrock", offer.getText());
        offer.click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("q=Bedrock"));
        page.waitUntil(() -> !page.titles().isEmpty());
    }

    @Test
    void articlePageListsRelatedArticles() {
        page.open("/articles/004_82b3f670182a709f.txt");
        assertEquals("関連記事", page.find("#related h2").getText());
        List<WebElement> links = page.all("#related li a");
        assertFalse(links.isEmpty());
        assertTrue(links.stream().noneMatch(a -> a.getAttribute("href").endsWith("/articles/004_82b3f670182a709f.txt")));
    }

    @Test
    void theXssArticleRunsNoScriptInTheListOrOnItsPage() {
        page.open("/?q=" + ServerFixture.enc("罠"));
        page.waitUntil(() -> !page.titles().isEmpty());
        assertTrue(page.titles().get(0).contains("<script>"), "the title is shown as text: " + page.titles());
        assertNull(page.js("return window.__xss;"));
        page.open("/articles/xss.md?q=" + ServerFixture.enc("罠"));
        assertTrue(page.find("h1").getText().contains("<script>"));
        assertNull(page.js("return window.__xss;"));
    }

    @Test
    void zeroResultsSaySoAndOfferToRemoveFilters() {
        page.open("/?q=" + ServerFixture.enc("存在しない単語列ぴよぴよ") + "&company=NVIDIA");
        String empty = page.find(".empty").getText();
        assertTrue(empty.contains("見つかりませんでした"), empty);
        page.find(".empty a.clear").click();
        page.waitUntil(() -> !page.browser.getCurrentUrl().contains("company="));
    }

    @Test
    void theServerRendersTheSamePageWithoutJavaScript() throws Exception {
        String html = page.fixture.get("/?q=" + ServerFixture.enc("罠") + "&company=").body();
        assertTrue(html.contains("<mark>罠"), "highlighted results are in the HTML");
        assertTrue(html.contains("&lt;script&gt;"), "article text is escaped");
        assertFalse(html.contains("<script>window.__xss"), "no article script reaches the page");
        String facets = page.fixture.get("/?q=" + ServerFixture.enc("投資")).body();
        assertTrue(facets.contains("href=\"/?q=%E6%8A%95%E8%B3%87&amp;company=Toyota\""), "facets are links");
        assertEquals(400, page.fixture.get("/?size=0").statusCode());
        assertTrue(new String(page.fixture.get("/?size=0").body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .contains("検索できませんでした"));
    }

    @Test
    void desktopScreenshotWithJapaneseFonts() throws IOException {
        page.open("/?q=" + ServerFixture.enc("投資") + "&company=Amazon");
        page.screenshot("screenshot.png");
    }
}

package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kensaku.analytics.Analytics;
import kensaku.analytics.StoredEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The page in a real Chromium tells the server which searches were committed and which hits were clicked. */
class AnalyticsBrowserTest {
    @TempDir
    static Path temp;
    static Analytics analytics;
    static BrowserSession page;
    static StoredEvents stored;

    @BeforeAll
    static void start() throws IOException {
        analytics = Analytics.open(temp.resolve("state"), Duration.ofDays(90));
        page = BrowserSession.start(temp, true, analytics);
        stored = new StoredEvents(temp.resolve("state"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (page != null) {
            page.close();
        }
        analytics.close();
    }

    @AfterEach
    void noPrivacyHeaders() {
        privacyHeaders(Map.of());
    }

    private static void privacyHeaders(Map<String, Object> headers) {
        page.browser.executeCdpCommand("Network.enable", Map.of());
        page.browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", headers));
    }

    private static long searches(String normalized) {
        return stored.count("searches", "normalized = ?", normalized);
    }

    @Test
    void typingAQueryKeyByKeyRecordsOneCommittedSearch() throws Exception {
        page.open("/");
        WebElement box = page.find("#q");
        // Slower than the page's search-as-you-type pause (250 ms), so each prefix is searched and shown.
        for (char key : "trainium".toCharArray()) {
            box.sendKeys(String.valueOf(key));
            Thread.sleep(350);
        }
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("q=trainium"));
        assertEquals(1, StoredEvents.awaitAtLeast(() -> searches("trainium"), 1, Duration.ofSeconds(6)));
        Thread.sleep(2500);
        assertEquals(1, searches("trainium"), "one committed search after the pause");
        assertEquals(0, stored.rows("SELECT normalized FROM searches WHERE normalized IN ('t','tr','tra','trai','train','traini','trainiu')").size(),
                "no keystroke's search is recorded");
        List<List<String>> row = stored.rows("SELECT query, source, page, total > 0 FROM searches WHERE normalized = 'trainium'");
        assertEquals(List.of(List.of("trainium", "page", "1", "1")), row);
    }

    @Test
    void aClickOnAHitIsRecordedWithItsRank() throws Exception {
        page.open("/?q=" + ServerFixture.enc("NVIDIA"));
        List<WebElement> links = page.all("#app .hit h2 a");
        assertTrue(links.size() >= 3, "enough hits to click the third");
        String href = links.get(2).getAttribute("href");
        links.get(2).click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("/articles/"));
        assertEquals(1, StoredEvents.awaitAtLeast(() -> stored.count("clicks", "normalized = ?", "nvidia"), 1, Duration.ofSeconds(6)));
        List<List<String>> clicks = stored.rows("SELECT query, article, rank FROM clicks WHERE normalized = 'nvidia'");
        assertEquals(1, clicks.size());
        assertEquals("NVIDIA", clicks.get(0).get(0));
        assertEquals("3", clicks.get(0).get(2));
        assertTrue(href.contains("/articles/" + clicks.get(0).get(1).replace("/", "%2F"))
                || href.contains("/articles/" + clicks.get(0).get(1)), href + " vs " + clicks);
        assertEquals(1, searches("nvidia"), "the page navigated to was recorded once, not again by the click");
    }

    @Test
    void globalPrivacyControlSuppressesSearchesAndClicks() throws Exception {
        privacyHeaders(Map.of("Sec-GPC", "1"));
        enterAndClick("Google");
        Thread.sleep(2500);
        assertEquals(0, searches("google"));
        assertEquals(0, stored.count("clicks", "normalized = ?", "google"));

        // The same steps without the header are recorded: the signals were sent, the server dropped them.
        privacyHeaders(Map.of());
        enterAndClick("Google");
        assertEquals(1, StoredEvents.awaitAtLeast(() -> stored.count("clicks", "normalized = ?", "google"), 1, Duration.ofSeconds(6)));
        assertEquals(1, searches("google"));
    }

    private static void enterAndClick(String query) {
        page.open("/");
        page.find("#q").sendKeys(query, Keys.ENTER);
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("q=" + query));
        page.settle();
        page.waitUntil(() -> !page.all("#app .hit h2 a").isEmpty());
        page.all("#app .hit h2 a").get(0).click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("/articles/"));
    }
}

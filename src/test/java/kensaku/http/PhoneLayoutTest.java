package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/** The search page at 390×844, as on a phone: results first, filters in a drawer, controls a finger can hit. */
class PhoneLayoutTest {
    /** Every control a reader taps, in the results header, the result list, paging and the open drawer. */
    private static final String TAP_TARGETS = """
            const seen = [];
            const scope = document.querySelectorAll(
              '#app .results-head a, #app .results-head select, #app .results-head button, .pages a, .pages span,'
              + ' .hit h2 a, .hit .chip, .filters.open a:not([tabindex="-1"]), .filters.open button,'
              + ' .filters.open summary, .filters.open li label, .filters.open .chart, #search-form button, #q');
            for (const e of scope) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              if (r.height < 44) seen.push(e.tagName + '.' + e.className + ' "' + e.textContent.trim().slice(0, 20)
                + '" ' + Math.round(r.height) + 'px');
            }
            return seen;
            """;

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
    void phoneWidth() {
        page.size(BrowserSession.PHONE);
    }

    @Test
    void theFirstResultIsOnTheFirstScreen() {
        page.open("/?q=AI");
        long top = page.number("return Math.round(document.querySelector('.hit').getBoundingClientRect().top);");
        assertTrue(top < 400, "the first hit starts " + top + " px down");
        assertTrue(page.find(".filter-toggle").isDisplayed());
        assertFalse(page.find(".facet-groups").isDisplayed(), "the filters wait in the drawer");
    }

    @Test
    void theDrawerOpensFiltersAndShowsTheNewCountAndClosesOnTheResults() {
        page.open("/?q=AI");
        WebElement toggle = page.find(".filter-toggle");
        assertEquals("絞り込み（0）", toggle.getText());
        toggle.click();
        page.waitUntil(() -> page.find(".drawer-close").isDisplayed());
        String before = page.find(".drawer-close").getText();
        assertTrue(before.matches("[\\d,]+件を表示"), before);
        page.find("input[name=company][value=Amazon]").click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("company=Amazon"));
        page.settle();
        assertTrue(page.find(".drawer-close").isDisplayed(), "the drawer stays open while choosing");
        assertEquals("INPUT#.[company=Amazon]", page.activeElementDescription());
        String after = page.find(".drawer-close").getText();
        assertEquals(page.total() + "を表示", after);
        page.find(".drawer-close").click();
        page.waitUntil(() -> !page.find(".facet-groups").isDisplayed());
        assertEquals("絞り込み（1）", page.find(".filter-toggle").getText());
        assertEquals(Boolean.TRUE, page.js("return Boolean(document.activeElement.closest('.hit'));"));
    }

    @Test
    void everyControlIsAtLeast44PixelsTall() {
        page.open("/?q=AI&company=Amazon&size=2");
        assertEquals(List.of(), page.js(TAP_TARGETS));
        page.find(".filter-toggle").click();
        page.waitUntil(() -> page.find(".drawer-close").isDisplayed());
        assertEquals(List.of(), page.js(TAP_TARGETS));
        long checkbox = page.number("return Math.round(document.querySelector('.filters input[type=checkbox]')"
                + ".getBoundingClientRect().width);");
        assertTrue(checkbox >= 20, "checkbox " + checkbox + " px");
    }

    @Test
    void nothingScrollsSideways() {
        for (String path : List.of("/?q=AWS", "/?q=AI&company=Amazon&from=2025-10&to=2026-01", "/articles/robotics.md")) {
            page.open(path);
            long overflow = page.number("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow <= 0, path + ": horizontal overflow " + overflow);
        }
        page.open("/?q=AI");
        page.all(".filter-toggle").forEach(WebElement::click);
        long overflow = page.number("return document.getElementById('filters').scrollWidth"
                + " - document.getElementById('filters').clientWidth;");
        assertTrue(overflow <= 0, "drawer overflow " + overflow);
    }

    @Test
    void latinWordsAreNotSplitAcrossLines() {
        page.open("/?q=AI");
        page.all(".filter-toggle").forEach(WebElement::click);
        Object split = page.js("""
                const broken = [];
                const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  for (const m of node.textContent.matchAll(/[A-Za-z0-9]{3,}/g)) {
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                    if (lines.size > 1) broken.push(m[0]);
                  }
                }
                return broken;
                """);
        assertEquals(List.of(), split);
    }

    @Test
    void suggestionsFitTheScreen() {
        page.open("/");
        page.find("#q").sendKeys("ア");
        page.waitUntil(() -> !page.all("#suggestions li").isEmpty());
        long bottom = page.number("return Math.round(document.getElementById('suggestions').getBoundingClientRect().bottom);");
        assertTrue(bottom <= 844 * 0.6, "suggestions reach " + bottom + " px down");
        Object tall = page.js("return [...document.querySelectorAll('#suggestions li')].map((li) => li.getBoundingClientRect().height)"
                + ".filter((h) => h > 48 || h < 44);");
        assertEquals(List.of(), tall, "one line of at least 44 px each");
    }

    @Test
    void noSeriousAccessibilityViolationsOnAPhone() throws Exception {
        page.open("/?q=AI");
        assertEquals(List.of(), Axe.seriousViolations(page), "results");
        page.find(".filter-toggle").click();
        page.waitUntil(() -> page.find(".drawer-close").isDisplayed());
        assertEquals(List.of(), Axe.seriousViolations(page), "drawer");
    }

    @Test
    void phoneScreenshotWithJapaneseFonts() throws IOException {
        page.open("/?q=" + ServerFixture.enc("投資"));
        page.screenshot("screenshot-phone.png");
        page.find(".filter-toggle").click();
        page.waitUntil(() -> page.find(".drawer-close").isDisplayed());
        page.screenshot("screenshot-phone-filters.png");
    }
}

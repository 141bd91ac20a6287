package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The date filter in a real browser: a wide chart over every month (empty ones too), years labelled, one tab stop
 * driven by the arrow keys, drags that end anywhere, presets, and the range written in Japanese with its ×.
 * The test articles span 2023-01 to 2026-02 with long gaps.
 */
class DateFilterTest {
    private static final YearMonth FIRST = YearMonth.of(2023, 1);
    private static final YearMonth LAST = YearMonth.of(2026, 2);

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
    void theChartShowsEveryMonthWideEnoughToSeeWithYearsLabelled() {
        page.open("/");
        List<String> months = page.all(".chart .bar").stream().map(b -> b.getAttribute("data-month")).toList();
        assertEquals(ChronoUnit.MONTHS.between(FIRST, LAST) + 1, months.size(), months.toString());
        assertEquals(FIRST.toString(), months.get(0));
        assertEquals(LAST.toString(), months.get(months.size() - 1));
        assertTrue(months.contains("2024-01"), "an empty month is a bar too");
        assertTrue(page.find("#month-2024-01").getAttribute("class").contains("empty"));
        WebElement chart = page.find(".chart");
        assertTrue(chart.getSize().getWidth() >= 600, "chart " + chart.getSize());
        assertTrue(chart.getSize().getHeight() >= 60, "chart " + chart.getSize());
        List<String> years = page.all(".chart .year").stream().map(y -> y.getAttribute("textContent")).toList();
        assertEquals(List.of("2023", "2024", "2025", "2026"), years);
        assertEquals("すべて（2023年1月〜2026年2月）", page.find(".range-label").getText());
    }

    @Test
    void theChartIsOneTabStopWithAVisibleFocusAndArrowKeysChooseARange() {
        page.open("/");
        long stops = page.number("return [...document.querySelectorAll('.dates *')].filter((e) => e.tabIndex >= 0"
                + " && e.closest('.chart')).length;");
        assertEquals(1, stops, "only the chart itself is a tab stop");
        page.js("document.querySelector('.chart').focus();");
        new Actions(page.browser).sendKeys(Keys.END).perform();
        assertEquals("month-2026-02", page.find(".chart").getAttribute("aria-activedescendant"));
        assertTrue(page.find("#month-2026-02").getAttribute("class").contains("cursor"));
        assertFalse("none".equals(page.js("return getComputedStyle(document.querySelector('.bar.cursor')).outlineStyle;")),
                "the month under the cursor is outlined");
        new Actions(page.browser).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT).keyUp(Keys.SHIFT)
                .sendKeys(Keys.ENTER).perform();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("from=2025-12&to=2026-02"));
        page.settle();
        assertEquals(Boolean.TRUE, page.js("return document.activeElement.classList.contains('chart');"),
                "focus stays on the chart");
        assertTrue(page.find(".range-label").getText().startsWith("2025年12月〜2026年2月"), page.find(".range-label").getText());
    }

    @Test
    void aDragReleasedOutsideTheChartStillChoosesTheRangeAndLeavesNothingLit() {
        page.open("/");
        WebElement from = page.find("#month-2025-09");
        WebElement to = page.find("#month-2025-11");
        // Released 150 px below the chart, over the results: the range is the months dragged across.
        new Actions(page.browser).moveToElement(from).clickAndHold().moveToElement(to).moveByOffset(0, 150)
                .release().perform();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("from=2025-09&to=2025-11"));
        page.settle();
        new Actions(page.browser).moveToElement(page.find("#month-2024-05")).moveToElement(page.find("#month-2024-09"))
                .perform();
        assertEquals(0L, page.number("return document.querySelectorAll('.bar.dragging').length;"),
                "hovering after the drag lights nothing");
    }

    @Test
    void aDragAcrossBarsChoosesExactlyThoseMonths() {
        page.open("/");
        new Actions(page.browser).moveToElement(page.find("#month-2024-05")).clickAndHold()
                .moveToElement(page.find("#month-2025-11")).release().perform();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("from=2024-05&to=2025-11"));
        page.settle();
        assertEquals("期間: 2024年5月〜2025年11月 ×", BrowserSession.text(page.find(".active-filters .chip")));
    }

    @Test
    void presetsChooseThePastMonthOrYearAndTheRangeHasItsOwnRemove() {
        page.open("/");
        page.all(".preset").stream().filter(a -> a.getText().equals("過去1年")).findFirst().orElseThrow().click();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("from=" + today.minusYears(1)));
        page.settle();
        assertTrue(page.browser.getCurrentUrl().contains("to=" + today), page.browser.getCurrentUrl());
        String label = BrowserSession.text(page.find(".range-label .chip"));
        assertEquals(japanese(today.minusYears(1)) + "〜" + japanese(today) + " ×", label);
        assertEquals("true", page.all(".preset").get(1).getAttribute("aria-current"));
        page.find(".range-label .chip").click();
        page.waitUntil(() -> !page.browser.getCurrentUrl().contains("from="));
        assertTrue(page.all(".preset").stream().anyMatch(a -> a.getText().equals("過去1か月")));
    }

    private static String japanese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    @Test
    void clickingABarChoosesItsMonth() {
        page.open("/");
        page.find("#month-2024-05").click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("from=2024-05&to=2024-05"));
        page.settle();
        assertTrue(page.titles().contains("トヨタとソフトバンクのロボティクス提携"), page.titles().toString());
        assertEquals("2024年5月 ×", BrowserSession.text(page.find(".range-label .chip")));
    }
}

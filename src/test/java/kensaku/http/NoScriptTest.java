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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The search page in a real Chromium with JavaScript turned off: forms and links alone must do everything. */
class NoScriptTest {
    @TempDir
    static Path temp;
    static BrowserSession page;

    @BeforeAll
    static void start() throws IOException {
        page = BrowserSession.start(temp, false);
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
    void scriptsAreReallyOff() {
        page.open("/");
        assertFalse(page.find("html").getAttribute("class") != null && page.find("html").getAttribute("class").contains("js"));
    }

    @Test
    void aSearchFromTheFrontPageIsInRelevanceOrder() {
        page.open("/");
        page.find("#q").sendKeys("NVIDIA", Keys.ENTER);
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("q=NVIDIA"));
        assertFalse(page.browser.getCurrentUrl().contains("sort="), page.browser.getCurrentUrl());
        assertEquals("関連度順", page.find(".sort-links a[aria-current]").getText());
    }

    @Test
    void theApplyButtonComesBeforeTheFiltersAndTickedBoxesApply() {
        page.open("/");
        WebElement apply = page.find(".apply button");
        WebElement firstFacet = page.find(".facet-groups fieldset");
        assertTrue(apply.getLocation().getY() < firstFacet.getLocation().getY(), "絞り込む sits above the filters");
        assertTrue(apply.getLocation().getY() < 900, "and on the first screen: " + apply.getLocation());
        page.find("input[name=company][value=Toyota]").click();
        apply.click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("company=Toyota"));
        assertEquals("企業: トヨタ ×", BrowserSession.text(page.find(".active-filters .chip")));
    }

    @Test
    void moreValuesOpenWithoutScripts() {
        page.open("/");
        List<WebElement> hidden = page.all("fieldset[data-facet=company] details.more input");
        assertFalse(hidden.isEmpty(), "more than ten companies in the test corpus");
        assertFalse(hidden.get(0).isDisplayed());
        page.find("fieldset[data-facet=company] details.more summary").click();
        assertTrue(hidden.get(0).isDisplayed());
    }

    @Test
    void aBarIsALinkToItsMonthAndMonthInputsSetARange() {
        page.open("/");
        page.find("#month-2024-05").click();
        page.waitUntil(() -> page.browser.getCurrentUrl().contains("from=2024-05&to=2024-05"));
        assertTrue(page.titles().contains("トヨタとソフトバンクのロボティクス提携"), page.titles().toString());
        assertEquals(2, page.all(".month-inputs input[type=month]").size());
    }
}

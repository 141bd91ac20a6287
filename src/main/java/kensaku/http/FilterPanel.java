package kensaku.http;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kensaku.search.FacetCount;
import kensaku.search.SearchResponse;

/**
 * The filters: the date filter and the company / tag / category checkboxes with their disjunctive counts. On a
 * phone the script makes this a drawer opened by 「絞り込み（N）」 and closed by 「N件を表示」; without scripts it
 * follows the results, with its 絞り込む button at the top, and the values past the first ten behind a native
 * {@code <details>} (「さらに表示」), which needs no script.
 */
final class FilterPanel {
    static final int FACET_VISIBLE = 10;

    private FilterPanel() {}

    static void render(StringBuilder html, PageLinks links, SearchResponse response, LocalDate today) {
        html.append("<section id=\"filters\" class=\"filters\" aria-labelledby=\"filters-title\" tabindex=\"-1\">")
                .append("<div class=\"drawer-head\"><h2 id=\"filters-title\">絞り込み</h2>")
                .append("<button type=\"button\" class=\"drawer-close\" hidden>")
                .append(String.format("%,d件を表示", response.total())).append("</button></div>");
        MonthHistogram.render(html, links, response.facets().getOrDefault("month", List.of()), today);
        html.append("<div class=\"facet-groups\"><noscript><p class=\"apply\"><button type=\"submit\" form=\"search-form\">")
                .append("絞り込む</button></p></noscript>");
        List<FacetCount> companies = response.facets().getOrDefault("company", List.of());
        facet(html, links, "company", companies);
        facet(html, links, "tag", tagsNotNamingACompany(response.facets().getOrDefault("tag", List.of()), companies,
                links.values("tag")));
        facet(html, links, "category", response.facets().getOrDefault("category", List.of()));
        html.append("</div></section>");
    }

    /** The tag NVIDIA says what the company NVIDIA already says; the company list covers it (unless it is ticked). */
    static List<FacetCount> tagsNotNamingACompany(List<FacetCount> tags, List<FacetCount> companies,
                                                  List<String> selected) {
        Set<String> names = new HashSet<>();
        for (FacetCount company : companies) {
            names.add(company.value().toLowerCase(Locale.ROOT));
            names.add(company.label().toLowerCase(Locale.ROOT));
        }
        return tags.stream().filter(t -> selected.contains(t.value()) || !names.contains(t.value().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static void facet(StringBuilder html, PageLinks links, String facet, List<FacetCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<String> selected = links.values(facet);
        List<FacetCount> shown = new ArrayList<>();
        List<FacetCount> more = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            (i < FACET_VISIBLE || selected.contains(counts.get(i).value()) ? shown : more).add(counts.get(i));
        }
        html.append("<fieldset class=\"facet\" data-facet=\"").append(facet).append("\"><legend>")
                .append(ResultsPage.FACET_LABELS.get(facet)).append("</legend><ul>");
        shown.forEach(count -> value(html, links, facet, count, selected));
        html.append("</ul>");
        if (!more.isEmpty()) {
            html.append("<details class=\"more\"><summary>さらに表示（").append(more.size()).append("）</summary><ul>");
            more.forEach(count -> value(html, links, facet, count, selected));
            html.append("</ul></details>");
        }
        html.append("</fieldset>");
    }

    /**
     * A checkbox (ticked and sent with 絞り込む, or live with the script) whose text is also a link toggling it,
     * so a click works without scripts; the link is out of the tab order, so each value is one tab stop.
     */
    private static void value(StringBuilder html, PageLinks links, String facet, FacetCount count, List<String> selected) {
        boolean checked = selected.contains(count.value());
        html.append("<li><label><input type=\"checkbox\" form=\"search-form\" name=\"").append(facet)
                .append("\" value=\"").append(Html.escape(count.value())).append('"').append(checked ? " checked" : "")
                .append("><a tabindex=\"-1\" href=\"").append(Html.escape(links.toggle(facet, count.value()))).append("\">")
                .append(Html.escape(count.label())).append("</a><span class=\"count\">")
                .append(String.format("%,d", count.count())).append("</span></label></li>");
    }
}

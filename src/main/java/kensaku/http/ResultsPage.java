package kensaku.http;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.SearchResponse;

/**
 * The search page's swappable region ({@code #app}): facets, the month histogram, the result list and paging.
 * Rendered by the server for every URL, so the page works without JavaScript; the script fetches the same
 * HTML and swaps the region. Every string from an article or the query is escaped here, except the
 * {@code title_html}/{@code snippet_html} markup the search layer built from escaped text.
 */
final class ResultsPage {
    static final int FACET_VISIBLE = 10;
    private static final Map<String, String> FACET_LABELS =
            Map.of("company", "企業", "tag", "タグ", "category", "カテゴリ");
    private static final Map<String, String> SORT_LABELS =
            Map.of("relevance", "関連度順", "date", "新しい順", "date_asc", "古い順");

    private ResultsPage() {}

    static String render(PageLinks links, SearchResponse response) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<div id=\"app\" class=\"layout\">");
        html.append("<aside class=\"facets\" aria-label=\"絞り込み\">");
        for (String facet : List.of("company", "tag", "category")) {
            facet(html, links, facet, response.facets().getOrDefault(facet, List.of()));
        }
        MonthHistogram.render(html, links, response.facets().getOrDefault("month", List.of()));
        if (links.hasFilters()) {
            html.append("<p><a class=\"clear\" href=\"").append(Html.escape(links.cleared()))
                    .append("\">すべての絞り込みを解除</a></p>");
        }
        html.append("<noscript><p><button type=\"submit\" form=\"search-form\">絞り込む</button></p></noscript>");
        html.append("</aside>");
        html.append("<main id=\"main\" tabindex=\"-1\">");
        summary(html, links, response);
        didYouMean(html, links, response);
        ignoredWords(html, response);
        sortControl(html, links, response);
        results(html, links, response);
        pagination(html, links, response);
        html.append("</main></div>");
        return html.toString();
    }

    /** The region for a request that could not be answered as asked. */
    static String error(String message) {
        return "<div id=\"app\" class=\"layout\"><main id=\"main\" tabindex=\"-1\"><p class=\"error\" role=\"alert\">"
                + Html.escape(message) + "</p><p><a href=\"/\">最初からやり直す</a></p></main></div>";
    }

    private static void summary(StringBuilder html, PageLinks links, SearchResponse response) {
        html.append("<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\">")
                .append(String.format("%,d件", response.total()))
                .append(String.format("（%.2f秒）", response.tookMillis() / 1000.0)).append("</p>");
        for (String name : List.of("from", "to")) {
            if (!links.value(name).isEmpty()) {
                html.append("<input type=\"hidden\" form=\"search-form\" name=\"").append(name).append("\" value=\"")
                        .append(Html.escape(links.value(name))).append("\">");
            }
        }
    }

    /** Words beyond the limit of a query, said rather than dropped silently. */
    private static void ignoredWords(StringBuilder html, SearchResponse response) {
        if (response.ignoredWords().isEmpty()) {
            return;
        }
        html.append("<p class=\"ignored-words\">検索語が多すぎるため、次の").append(response.ignoredWords().size())
                .append("語は検索に使っていません: ").append(Html.escape(String.join(" ", response.ignoredWords())))
                .append("</p>");
    }

    /** 「もしかして」: a link to the corrected search with the same filters (the correction was counted with them). */
    private static void didYouMean(StringBuilder html, PageLinks links, SearchResponse response) {
        if (response.didYouMean() == null) {
            return;
        }
        html.append("<p class=\"did-you-mean\">もしかして: <a href=\"")
                .append(Html.escape(links.withQuery(response.didYouMean()))).append("\">")
                .append(Html.escape(response.didYouMean())).append("</a></p>");
    }

    private static void sortControl(StringBuilder html, PageLinks links, SearchResponse response) {
        String current = links.value("sort").isEmpty() ? (links.value("q").isBlank() ? "date" : "relevance")
                : links.value("sort");
        html.append("<nav class=\"sort\" aria-label=\"並び順\"><label for=\"sort\">並び順</label>")
                .append("<select id=\"sort\" name=\"sort\" form=\"search-form\">");
        for (String sort : List.of("relevance", "date", "date_asc")) {
            html.append("<option value=\"").append(sort).append('"').append(sort.equals(current) ? " selected" : "")
                    .append('>').append(SORT_LABELS.get(sort)).append("</option>");
        }
        html.append("</select><noscript>");
        for (String sort : List.of("relevance", "date", "date_asc")) {
            html.append(" <a href=\"").append(Html.escape(links.withSort(sort))).append("\">")
                    .append(SORT_LABELS.get(sort)).append("</a>");
        }
        html.append("</noscript></nav>");
    }

    private static void results(StringBuilder html, PageLinks links, SearchResponse response) {
        if (response.hits().isEmpty()) {
            html.append("<div class=\"empty\"><p>");
            html.append(links.value("q").isBlank() ? "条件に一致する記事は見つかりませんでした。"
                    : "「" + Html.escape(links.value("q")) + "」に一致する記事は見つかりませんでした。");
            html.append("</p>");
            if (links.hasFilters()) {
                html.append("<p><a class=\"clear\" href=\"").append(Html.escape(links.cleared()))
                        .append("\">絞り込みを解除して検索する</a></p>");
            }
            html.append("</div>");
            return;
        }
        html.append("<ol class=\"results\">");
        for (Hit hit : response.hits()) {
            hit(html, links, hit);
        }
        html.append("</ol>");
    }

    private static void hit(StringBuilder html, PageLinks links, Hit hit) {
        // The live article on the publisher's site when its URL is known; kensaku's own copy is then a preview.
        String href = hit.url() != null ? hit.url() : Html.articlePath(hit.id());
        html.append("<li class=\"hit\"><h2><a href=\"").append(Html.escape(href)).append("\">")
                .append(hit.titleHtml()).append("</a></h2><p class=\"meta\">");
        if (hit.date() != null) {
            html.append("<time datetime=\"").append(Html.escape(hit.date())).append("\">")
                    .append(japaneseDate(hit.date())).append("</time>");
        }
        if (hit.url() != null) {
            html.append(" <a class=\"preview\" href=\"").append(Html.escape(Html.articlePath(hit.id())))
                    .append("\">プレビュー</a>");
        }
        html.append("</p><p class=\"snippet\">").append(hit.snippetHtml()).append("</p><p class=\"chips\">");
        chips(html, links, "company", hit.companies());
        chips(html, links, "tag", tagsNotNamingAShownCompany(hit));
        html.append("</p></li>");
    }

    /** A tag "Amazon" beside the company chip "Amazon" says the same thing twice; the company chip covers it. */
    private static List<String> tagsNotNamingAShownCompany(Hit hit) {
        Set<String> shown = new HashSet<>();
        hit.companies().forEach(company -> shown.add(company.toLowerCase(Locale.ROOT)));
        return hit.tags().stream().filter(tag -> !shown.contains(tag.toLowerCase(Locale.ROOT))).toList();
    }

    static void chips(StringBuilder html, PageLinks links, String facet, List<String> values) {
        for (String value : values) {
            html.append("<a class=\"chip chip-").append(facet).append("\" href=\"")
                    .append(Html.escape(links.only(facet, value))).append("\">").append(Html.escape(value)).append("</a>");
        }
    }

    static String japaneseDate(String iso) {
        OffsetDateTime date = OffsetDateTime.parse(iso);
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static void facet(StringBuilder html, PageLinks links, String facet, List<FacetCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<String> selected = links.values(facet);
        html.append("<fieldset class=\"facet").append(counts.size() > FACET_VISIBLE ? " collapsible" : "")
                .append("\" data-facet=\"").append(facet).append("\"><legend>").append(FACET_LABELS.get(facet))
                .append("</legend><ul>");
        for (int i = 0; i < counts.size(); i++) {
            FacetCount count = counts.get(i);
            boolean checked = selected.contains(count.value());
            html.append("<li").append(i >= FACET_VISIBLE && !checked ? " class=\"extra\"" : "").append("><label>")
                    .append("<input type=\"checkbox\" form=\"search-form\" name=\"").append(facet)
                    .append("\" value=\"").append(Html.escape(count.value())).append('"')
                    .append(checked ? " checked" : "").append("> ")
                    .append("<a href=\"").append(Html.escape(links.toggle(facet, count.value()))).append("\">")
                    .append(Html.escape(count.value())).append("</a> <span class=\"count\">")
                    .append(count.count()).append("</span></label></li>");
        }
        html.append("</ul>");
        if (counts.size() > FACET_VISIBLE) {
            html.append("<button type=\"button\" class=\"more\" aria-expanded=\"false\">もっと見る</button>");
        }
        html.append("</fieldset>");
    }

    private static void pagination(StringBuilder html, PageLinks links, SearchResponse response) {
        long pages = Math.min((response.total() + response.size() - 1) / response.size(),
                kensaku.search.SearchRequest.MAX_DEPTH / response.size());
        if (pages <= 1) {
            return;
        }
        int page = response.page();
        html.append("<nav class=\"pages\" aria-label=\"ページ\"><ul>");
        if (page > 1) {
            html.append("<li><a rel=\"prev\" href=\"").append(Html.escape(links.withPage(page - 1))).append("\">前へ</a></li>");
        }
        for (long p = Math.max(1, page - 4); p <= Math.min(pages, page + 4); p++) {
            html.append("<li>").append(p == page ? "<span aria-current=\"page\">" + p + "</span>"
                    : "<a href=\"" + Html.escape(links.withPage((int) p)) + "\">" + p + "</a>").append("</li>");
        }
        if (page < pages) {
            html.append("<li><a rel=\"next\" href=\"").append(Html.escape(links.withPage(page + 1))).append("\">次へ</a></li>");
        }
        html.append("</ul></nav>");
    }

    static List<FacetCount> chronological(List<FacetCount> months) {
        return months.stream().sorted(Comparator.comparing(FacetCount::value)).toList();
    }
}

package kensaku.http;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.SearchRequest;
import kensaku.search.InterpretedQuery;
import kensaku.search.SearchResponse;

/**
 * The search page's swappable region ({@code #app}): the results header (what was searched, 1〜10件目／N件, the
 * active filters as removable chips, sort), the result list and paging, then the filters ({@link FilterPanel}).
 * Results come first in the document, so they come first on a phone and in the tab order; on a wide screen the
 * style sheet puts the filters in a left column. Rendered by the server for every URL, so the page works without
 * JavaScript; the script fetches the same HTML and swaps the region. Every string from an article or the query is
 * escaped here, except the {@code title_html}/{@code snippet_html} markup the search layer built from escaped text.
 */
final class ResultsPage {
    static final java.util.Map<String, String> FACET_LABELS =
            java.util.Map.of("company", "企業", "tag", "タグ", "category", "カテゴリ");
    private static final java.util.Map<String, String> SORT_LABELS =
            java.util.Map.of("relevance", "関連度順", "date", "新しい順", "date_asc", "古い順");

    private ResultsPage() {}

    /**
     * @param askedPage the page the reader asked for when it holds no results (past the last page), else 0
     */
    static String render(PageLinks links, SearchResponse response, LocalDate today, int askedPage) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<div id=\"app\" class=\"layout\" data-from=\"").append(Html.escape(links.value("from")))
                .append("\" data-to=\"").append(Html.escape(links.value("to"))).append("\">");
        header(html, links, response, askedPage);
        html.append("<section class=\"results-area\" aria-label=\"検索結果\">");
        if (askedPage > 0) {
            outOfRange(html, links, response, askedPage);
        } else {
            results(html, links, response);
            pagination(html, links, response);
        }
        html.append("</section>");
        FilterPanel.render(html, links, response, today);
        html.append("</div>");
        return html.toString();
    }

    /** The region for a request that could not be answered as asked: what went wrong, and a way on. */
    static String error(PageLinks links, String message) {
        StringBuilder html = new StringBuilder("<div id=\"app\" class=\"layout single\"><div class=\"results-head\">")
                .append("<h1>検索できませんでした</h1></div><section class=\"results-area\"><div class=\"notice error\">")
                .append("<p role=\"alert\">").append(Html.escape(message)).append("</p><p>");
        if (links.hasFilters()) {
            html.append("<a href=\"").append(Html.escape(links.cleared())).append("\">絞り込みを外して検索する</a>　");
        }
        return html.append("<a href=\"/\">最初からやり直す</a></p></div></section></div>").toString();
    }

    /** 「生成AI」の検索結果 1〜10件目／2,471件（0.08秒）, did-you-mean, the active filters, the drawer button, sort. */
    private static void header(StringBuilder html, PageLinks links, SearchResponse response, int askedPage) {
        String q = links.value("q");
        html.append("<div class=\"results-head\"><h1 id=\"results-title\" tabindex=\"-1\">").append(heading(links))
                .append("</h1><p class=\"count-line\" id=\"count\">");
        long total = response.total();
        if (total > 0 && askedPage == 0 && !response.hits().isEmpty()) {
            long first = (long) (response.page() - 1) * response.size() + 1;
            long last = first + response.hits().size() - 1;
            html.append(String.format("%,d〜%,d件目", first, last)).append("／");
        }
        html.append("<span class=\"total\">").append(String.format("%,d件", total)).append("</span>")
                .append(String.format("（%.2f秒）", response.tookMillis() / 1000.0)).append("</p>");
        if (response.didYouMean() != null) {
            html.append("<p class=\"did-you-mean\">もしかして：<a href=\"")
                    .append(Html.escape(links.withQuery(response.didYouMean()))).append("\">")
                    .append(Html.escape(response.didYouMean())).append("</a></p>");
        }
        if (response.interpretedAs() != null) {
            // Said, not done silently: the reader sees what was searched instead of what was typed.
            InterpretedQuery as = response.interpretedAs();
            html.append("<p class=\"interpreted-as\" role=\"status\">「").append(Html.escape(as.query()))
                    .append("」として検索しました</p>");
        }
        if (!response.ignoredWords().isEmpty()) {
            // Words beyond the limit of a query, said rather than dropped silently.
            html.append("<p class=\"ignored-words\">検索語が多すぎるため、次の").append(response.ignoredWords().size())
                    .append("語は検索に使っていません: ").append(Html.escape(String.join(" ", response.ignoredWords())))
                    .append("</p>");
        }
        activeFilters(html, links, response);
        html.append("<div class=\"toolbar\"><a class=\"filter-toggle\" href=\"#filters\" aria-controls=\"filters\">")
                .append("絞り込み（").append(links.filterCount()).append("）</a>");
        sortControl(html, links, q);
        html.append("</div></div>");
    }

    static String heading(PageLinks links) {
        String q = links.value("q");
        if (!q.isBlank()) {
            return "「" + Html.escape(q) + "」の検索結果";
        }
        return links.hasFilters() ? "絞り込んだ記事" : "すべての記事";
    }

    /** 企業: トヨタ ×, 期間: 2023年5月〜2025年1月 × … and すべて解除; each × is a link without that filter. */
    private static void activeFilters(StringBuilder html, PageLinks links, SearchResponse response) {
        if (!links.hasFilters()) {
            return;
        }
        html.append("<ul class=\"active-filters\" aria-label=\"選択中の条件\">");
        for (String facet : List.of("company", "tag", "category")) {
            for (String value : links.values(facet)) {
                String label = FACET_LABELS.get(facet) + ": " + labelOf(response, facet, value);
                removable(html, links.toggle(facet, value), label);
            }
        }
        if (!links.value("from").isEmpty() || !links.value("to").isEmpty()) {
            removable(html, links.withoutRange(), "期間: " + DateLabels.range(links.value("from"), links.value("to")));
        }
        html.append("<li><a class=\"clear\" href=\"").append(Html.escape(links.cleared())).append("\">すべて解除</a></li></ul>");
    }

    private static void removable(StringBuilder html, String href, String label) {
        html.append("<li><a class=\"chip remove\" href=\"").append(Html.escape(href)).append("\" aria-label=\"")
                .append(Html.escape(label)).append(" を解除\">").append(Html.escape(label))
                .append(" <span aria-hidden=\"true\">×</span></a></li>");
    }

    /** A facet value's display label (a company's Japanese name), as the facet counts carry it. */
    static String labelOf(SearchResponse response, String facet, String value) {
        return response.facets().getOrDefault(facet, List.of()).stream().filter(c -> c.value().equals(value))
                .map(FacetCount::label).findFirst().orElse(value);
    }

    /**
     * The select is part of the search only once the reader has chosen an order: otherwise a query typed on the
     * browsing page (newest first) would keep that order instead of relevance.
     */
    private static void sortControl(StringBuilder html, PageLinks links, String q) {
        String chosen = links.value("sort");
        String current = chosen.isEmpty() ? (q.isBlank() ? "date" : "relevance") : chosen;
        html.append("<div class=\"sort\"><label for=\"sort\">並び順</label><select id=\"sort\"")
                .append(chosen.isEmpty() ? "" : " name=\"sort\"").append(" form=\"search-form\">");
        for (String sort : List.of("relevance", "date", "date_asc")) {
            html.append("<option value=\"").append(sort).append('"').append(sort.equals(current) ? " selected" : "")
                    .append('>').append(SORT_LABELS.get(sort)).append("</option>");
        }
        html.append("</select><noscript><span class=\"sort-links\">");
        for (String sort : List.of("relevance", "date", "date_asc")) {
            html.append(" <a href=\"").append(Html.escape(links.withSort(sort))).append("\"")
                    .append(sort.equals(current) ? " aria-current=\"true\"" : "").append(">")
                    .append(SORT_LABELS.get(sort)).append("</a>");
        }
        html.append("</span></noscript></div>");
    }

    private static void results(StringBuilder html, PageLinks links, SearchResponse response) {
        if (response.hits().isEmpty()) {
            html.append("<div class=\"notice empty\"><p>");
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
        html.append("<ol class=\"results\" id=\"hits\" tabindex=\"-1\" aria-labelledby=\"results-title\">");
        for (Hit hit : response.hits()) {
            hit(html, links, hit);
        }
        html.append("</ol>");
    }

    /** A page past the last one: say so with the total, and link to the first and the last page. */
    private static void outOfRange(StringBuilder html, PageLinks links, SearchResponse response, int askedPage) {
        long last = lastPage(response);
        html.append("<div class=\"notice empty\"><p>");
        if (response.total() == 0) {
            html.append("条件に一致する記事は見つかりませんでした。");
        } else {
            html.append(String.format("%,dページ目はありません。%,d件の結果は%,dページ目までです。",
                    askedPage, response.total(), last));
        }
        html.append("</p><p><a href=\"").append(Html.escape(links.withPage(1))).append("\">最初のページへ</a>");
        if (last > 1) {
            html.append("　<a href=\"").append(Html.escape(links.withPage((int) last))).append("\">最後のページ（")
                    .append(last).append("）へ</a>");
        }
        html.append("</p></div>");
    }

    static long lastPage(SearchResponse response) {
        return Math.min((response.total() + response.size() - 1) / response.size(),
                SearchRequest.MAX_DEPTH / response.size());
    }

    private static void hit(StringBuilder html, PageLinks links, Hit hit) {
        // The live article on the publisher's site when its URL is known; kensaku's own copy is then a preview.
        // kensaku's copy carries the search, so its 「検索結果に戻る」 returns to exactly this page.
        String preview = Html.articlePath(hit.id()) + links.query();
        // A draft or scheduled article on a preview server has no live page yet: its own copy it is.
        String href = hit.url() != null && hit.preview() == null ? hit.url() : preview;
        html.append("<li class=\"hit\"><h2>").append(previewBadge(hit)).append("<a href=\"")
                .append(Html.escape(href)).append("\">")
                .append(hit.titleHtml()).append("</a></h2><p class=\"meta\">");
        if (hit.date() != null) {
            html.append("<time datetime=\"").append(Html.escape(hit.date())).append("\">")
                    .append(DateLabels.day(hit.date())).append("</time>");
        }
        if (hit.url() != null) {
            html.append(" <a class=\"preview\" href=\"").append(Html.escape(preview))
                    .append("\">プレビュー</a>");
        }
        html.append("</p><p class=\"snippet\">").append(hit.snippetHtml()).append("</p><p class=\"chips\">");
        chips(html, links, "company", hit.companies(), hit.companyLabels());
        List<String> tags = tagsNotNamingAShownCompany(hit);
        chips(html, links, "tag", tags, tags);
        html.append("</p></li>");
    }

    /** On a preview server, what a writer must not mistake for a published article. */
    private static String previewBadge(Hit hit) {
        if (Hit.DRAFT.equals(hit.preview())) {
            return "<span class=\"badge draft\">下書き</span>";
        }
        if (Hit.SCHEDULED.equals(hit.preview())) {
            return "<span class=\"badge scheduled\">予約</span>";
        }
        return "";
    }

    /** A tag "Amazon" beside the company chip "Amazon" (or アマゾン) says the same thing twice; the company chip covers it. */
    private static List<String> tagsNotNamingAShownCompany(Hit hit) {
        Set<String> shown = new HashSet<>();
        hit.companies().forEach(company -> shown.add(company.toLowerCase(Locale.ROOT)));
        hit.companyLabels().forEach(label -> shown.add(label.toLowerCase(Locale.ROOT)));
        return hit.tags().stream().filter(tag -> !shown.contains(tag.toLowerCase(Locale.ROOT))).toList();
    }

    /** Links to a search for one value each; {@code labels} are what the reader sees, in the order of values. */
    static void chips(StringBuilder html, PageLinks links, String facet, List<String> values, List<String> labels) {
        for (int i = 0; i < values.size(); i++) {
            html.append("<a class=\"chip chip-").append(facet).append("\" href=\"")
                    .append(Html.escape(links.only(facet, values.get(i)))).append("\">")
                    .append(Html.escape(labels.get(i))).append("</a>");
        }
    }

    private static void pagination(StringBuilder html, PageLinks links, SearchResponse response) {
        long pages = lastPage(response);
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
}

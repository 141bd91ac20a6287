package kensaku.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kensaku.search.ArticleView;
import kensaku.search.BadRequestException;
import kensaku.search.Hit;
import kensaku.search.SearchResponse;
import kensaku.analytics.Analytics;
import kensaku.search.SearchBackend;
import kensaku.search.SearchRequest;

/**
 * The Japanese search page at "/" and article pages at "/articles/{id}", rendered on the server (so they work
 * without JavaScript and can be linked and crawled), plus the static files under /static.
 */
public final class PageRoutes {
    static final int RELATED_ON_PAGE = 5;
    private final SearchBackend service;
    private volatile ZoneId zone;

    private final Analytics analytics;

    public PageRoutes(SearchBackend service, Analytics analytics) {
        this.service = service;
        this.analytics = analytics;
    }

    /** Registers the page routes and static files on a Javalin config being built by {@link SearchServer}. */
    public void addTo(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
        GetAndHead.add(config, "/", this::searchPage);
        GetAndHead.add(config, "/articles/<id>", this::articlePage);
    }

    private void searchPage(Context ctx) throws IOException {
        PageLinks links = PageLinks.of(ctx.queryParamMap());
        String q = links.value("q");
        String title = q.isBlank() ? "kensaku 検索" : q + " - kensaku 検索";
        String region;
        try {
            SearchRequest request = SearchParams.read(ctx.queryParamMap());
            SearchResponse response = service.search(request);
            // A page the browser navigated to (a link, the form without script, a reload) is a committed search;
            // the script's own fetches while typing are not (they commit with /api/events).
            if (analytics != null && "navigate".equals(ctx.header("Sec-Fetch-Mode")) && !EventRoutes.optedOut(ctx)) {
                analytics.committed(request, "page");
            }
            int askedPage = response.hits().isEmpty() && response.page() > 1 ? response.page() : 0;
            if (askedPage > 0) {
                notFound(ctx);
            }
            region = ResultsPage.render(links, response, today(), askedPage);
        } catch (BadRequestException e) {
            region = pageOutOfReach(ctx, links, e);
            if (region == null) {
                ctx.status(400);
                region = ResultsPage.error(links, messageFor(e));
            }
        }
        html(ctx, Html.page(title, q, region));
    }

    /**
     * A page number past what paging reaches (page=1001) is answered like a page past the last one: the total and
     * links to the first and last pages, not an error page. Null for any other mistake.
     */
    private String pageOutOfReach(Context ctx, PageLinks links, BadRequestException e) throws IOException {
        if (!"page".equals(e.param())) {
            return null;
        }
        java.util.Map<String, List<String>> firstPage = new java.util.LinkedHashMap<>(ctx.queryParamMap());
        firstPage.remove("page");
        SearchResponse response;
        try {
            response = service.search(SearchParams.read(firstPage));
        } catch (BadRequestException other) {
            return null;
        }
        int asked;
        try {
            asked = Integer.parseInt(links.value("page").strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
        notFound(ctx);
        return ResultsPage.render(links, response, today(), Math.max(asked, 1));
    }

    /** What went wrong, in the reader's words, for the mistakes a URL can hold (the API keeps its English codes). */
    static String messageFor(BadRequestException e) {
        String code = e.code();
        if ("query_too_long".equals(code)) {
            return String.format("検索語が長すぎます。%,d文字以内にしてください。", kensaku.search.SearchRequest.MAX_QUERY_CHARS);
        }
        if ("value_too_long".equals(code) || "too_many_values".equals(code)) {
            return "絞り込みの条件が長すぎるか多すぎます。条件を減らしてください。";
        }
        if ("invalid_date".equals(code)) {
            return "期間の日付を読み取れませんでした。2025-01 や 2025-01-31 の形で指定してください。";
        }
        if ("invalid_range".equals(code)) {
            return "期間の開始日が終了日より後になっています。期間を指定し直してください。";
        }
        if ("invalid_sort".equals(code)) {
            return "並び順を読み取れませんでした。関連度順・新しい順・古い順から選んでください。";
        }
        return "検索条件を読み取れませんでした。条件を見直してください。";
    }

    /** Today in the index's display zone, for the presets 過去1か月 / 過去1年. */
    private LocalDate today() {
        ZoneId zone = this.zone;
        if (zone == null) {
            try {
                zone = ZoneId.of(service.info().zone());
            } catch (IOException | RuntimeException e) {
                zone = ZoneId.of("Asia/Tokyo");
            }
            this.zone = zone;
        }
        return LocalDate.now(zone);
    }

    /** A 404 whose page this route renders itself (the server's 404 handler leaves it alone). */
    private static void notFound(Context ctx) {
        ctx.attribute(ApiErrors.SENT, Boolean.TRUE);
        ctx.status(404);
    }

    /** HTML with its charset named, so no browser has to guess the encoding of Japanese text. */
    static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private void articlePage(Context ctx) throws IOException {
        Optional<ArticleView> found = service.article(ctx.pathParam("id"));
        if (found.isEmpty()) {
            renderError(ctx, 404, "記事が見つかりませんでした。");
            return;
        }
        ArticleView article = found.get();
        // The search the reader came from rides on the article's URL, so the way back returns to it exactly.
        PageLinks search = PageLinks.of(ctx.queryParamMap());
        ArticleMarks marks = ArticleMarks.of(search.value("q"));
        StringBuilder body = new StringBuilder(article.bodyHtml().length() + 2_048);
        PageLinks links = PageLinks.of(java.util.Map.of());
        body.append("<div id=\"app\" class=\"layout article-layout\"><article>");
        backLink(body, search);
        body.append("<h1>").append(marks.markText(article.title())).append("</h1><p class=\"meta\">");
        if (article.date() != null) {
            body.append("<time datetime=\"").append(Html.escape(article.date())).append("\">")
                    .append(DateLabels.day(article.date())).append("</time> ");
        }
        if (!article.author().isEmpty()) {
            body.append("<span class=\"author\">").append(Html.escape(article.author())).append("</span>");
        }
        if (article.url() != null) {
            body.append(" <a class=\"live\" href=\"").append(Html.escape(article.url())).append("\">元の記事を開く</a>");
        }
        body.append("</p><p class=\"chips\">");
        ResultsPage.chips(body, links, "company", article.companies(), article.companyLabels());
        ResultsPage.chips(body, links, "tag", article.tags(), article.tags());
        ResultsPage.chips(body, links, "category", article.categories(), article.categories());
        body.append("</p><div class=\"article-body\">").append(marks.markHtml(article.bodyHtml())).append("</div>")
                .append("</article>");
        related(body, service.related(article.id(), RELATED_ON_PAGE).orElse(List.of()));
        backLink(body, search);
        body.append("</div>");
        html(ctx, Html.page(article.title() + " - kensaku 検索", search.value("q"), body.toString()));
    }

    /** 「検索結果に戻る」 to the exact search (query, filters, page) the reader came from, or the search page. */
    private static void backLink(StringBuilder body, PageLinks search) {
        String query = search.query();
        body.append("<p class=\"back\"><a href=\"/").append(Html.escape(query)).append("\">")
                .append(query.isEmpty() ? "検索ページへ" : "検索結果に戻る").append("</a></p>");
    }

    /** 「関連記事」: links to the articles most like this one; nothing when no other article is alike. */
    private static void related(StringBuilder body, List<Hit> hits) {
        if (hits.isEmpty()) {
            return;
        }
        body.append("<section id=\"related\" class=\"related\" aria-labelledby=\"related-heading\">")
                .append("<h2 id=\"related-heading\">関連記事</h2><ul>");
        for (Hit hit : hits) {
            body.append("<li><a href=\"").append(Html.escape(Html.articlePath(hit.id()))).append("\">")
                    .append(Html.escape(hit.title())).append("</a>");
            if (hit.date() != null) {
                body.append(" <time datetime=\"").append(Html.escape(hit.date())).append("\">")
                        .append(DateLabels.day(hit.date())).append("</time>");
            }
            body.append("</li>");
        }
        body.append("</ul></section>");
    }

    /** A readable Japanese error page (the API answers JSON instead). */
    static void renderError(Context ctx, int status, String message) {
        ctx.attribute(ApiErrors.SENT, Boolean.TRUE);
        ctx.status(status);
        html(ctx, Html.page("エラー - kensaku 検索", "", ResultsPage.error(PageLinks.of(java.util.Map.of()),
                status == 404 ? "ページが見つかりませんでした。" : message)));
    }

}

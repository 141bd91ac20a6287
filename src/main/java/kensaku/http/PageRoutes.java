package kensaku.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import kensaku.search.ArticleView;
import kensaku.search.BadRequestException;
import kensaku.search.Hit;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.SearchBackend;

/**
 * The Japanese search page at "/" and article pages at "/articles/{id}", rendered on the server (so they work
 * without JavaScript and can be linked and crawled), plus the static files under /static.
 */
public final class PageRoutes {
    static final int RELATED_ON_PAGE = 5;
    private final SearchBackend service;

    public PageRoutes(SearchBackend service) {
        this.service = service;
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
        String title = links.value("q").isBlank() ? "kensaku 検索" : links.value("q") + " - kensaku 検索";
        String region;
        try {
            SearchRequest request = SearchParams.read(ctx.queryParamMap());
            SearchResponse response = service.search(request);
            region = ResultsPage.render(links, response);
        } catch (BadRequestException e) {
            ctx.status(400);
            region = ResultsPage.error("検索条件を読み取れませんでした（" + e.param() + "）。条件を見直してください。");
        }
        ctx.html(Html.page(title, links.value("q"), region));
    }

    private void articlePage(Context ctx) throws IOException {
        Optional<ArticleView> found = service.article(ctx.pathParam("id"));
        if (found.isEmpty()) {
            renderError(ctx, 404, "記事が見つかりませんでした。");
            return;
        }
        ArticleView article = found.get();
        StringBuilder body = new StringBuilder(article.bodyHtml().length() + 2_048);
        PageLinks links = PageLinks.of(java.util.Map.of());
        body.append("<div id=\"app\" class=\"layout article-layout\"><main id=\"main\" tabindex=\"-1\"><article>")
                .append("<h1>").append(Html.escape(article.title())).append("</h1><p class=\"meta\">");
        if (article.date() != null) {
            body.append("<time datetime=\"").append(Html.escape(article.date())).append("\">")
                    .append(ResultsPage.japaneseDate(article.date())).append("</time> ");
        }
        if (!article.author().isEmpty()) {
            body.append("<span class=\"author\">").append(Html.escape(article.author())).append("</span>");
        }
        if (article.url() != null) {
            body.append(" <a class=\"live\" href=\"").append(Html.escape(article.url())).append("\">元の記事を開く</a>");
        }
        body.append("</p><p class=\"chips\">");
        ResultsPage.chips(body, links, "company", article.companies());
        ResultsPage.chips(body, links, "tag", article.tags());
        ResultsPage.chips(body, links, "category", article.categories());
        body.append("</p><div class=\"article-body\">").append(article.bodyHtml()).append("</div>")
                .append("</article>");
        related(body, service.related(article.id(), RELATED_ON_PAGE).orElse(List.of()));
        body.append("<p><a href=\"/\">検索に戻る</a></p></main></div>");
        ctx.html(Html.page(article.title() + " - kensaku 検索", "", body.toString()));
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
                        .append(ResultsPage.japaneseDate(hit.date())).append("</time>");
            }
            body.append("</li>");
        }
        body.append("</ul></section>");
    }

    /** A readable Japanese error page (the API answers JSON instead). */
    static void renderError(Context ctx, int status, String message) {
        ctx.attribute(ApiErrors.SENT, Boolean.TRUE);
        ctx.status(status).html(Html.page("エラー - kensaku 検索", "", ResultsPage.error(
                status == 404 ? "ページが見つかりませんでした。" : message)));
    }

}

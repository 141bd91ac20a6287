package kensaku.search;

import java.util.List;

/**
 * A whole article for display: metadata, plain body text and sanitised body HTML.
 *
 * @param url the article's absolute address on the publisher's site, or null when no site URL is set
 */
public record ArticleView(String id, String url, String title, String date, List<String> tags, List<String> categories,
                          List<String> companies, String author, String excerpt, String bodyText, String bodyHtml) {
    public ArticleView {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        companies = List.copyOf(companies);
    }
}

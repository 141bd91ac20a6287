package kensaku.search;

import java.util.List;

/**
 * A whole article for display: metadata, plain body text and sanitised body HTML.
 *
 * @param url the article's absolute address on the publisher's site, or null when no site URL is set
 * @param companyLabels the companies' display names, in the order of {@code companies} (which filters use)
 */
public record ArticleView(String id, String url, String title, String date, List<String> tags, List<String> categories,
                          List<String> companies, String author, String excerpt, String bodyText, String bodyHtml,
                          List<String> companyLabels) {
    public ArticleView {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        companies = List.copyOf(companies);
        companyLabels = companyLabels == null || companyLabels.size() != companies.size()
                ? companies : List.copyOf(companyLabels);
    }

    public ArticleView(String id, String url, String title, String date, List<String> tags, List<String> categories,
                       List<String> companies, String author, String excerpt, String bodyText, String bodyHtml) {
        this(id, url, title, date, tags, categories, companies, author, excerpt, bodyText, bodyHtml, null);
    }
}

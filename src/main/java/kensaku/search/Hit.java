package kensaku.search;

import java.util.List;

/**
 * One result. {@code titleHtml} and {@code snippetHtml} are the only fields holding markup: escaped text with
 * matches wrapped in {@code <mark>}.
 *
 * @param url  the article's absolute address on the publisher's site, or null when no site URL is set
 * @param date ISO 8601 in the display zone with its offset, or null when the article has no date
 * @param companyLabels the companies' display names, in the order of {@code companies} (which filters use)
 */
public record Hit(String id, String url, String title, String titleHtml, String date, List<String> tags,
                  List<String> categories, List<String> companies, String author, String excerpt,
                  String snippetHtml, float score, List<String> companyLabels) {
    public Hit {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        companies = List.copyOf(companies);
        companyLabels = companyLabels == null || companyLabels.size() != companies.size()
                ? companies : List.copyOf(companyLabels);
    }

    public Hit(String id, String url, String title, String titleHtml, String date, List<String> tags,
               List<String> categories, List<String> companies, String author, String excerpt, String snippetHtml,
               float score) {
        this(id, url, title, titleHtml, date, tags, categories, companies, author, excerpt, snippetHtml, score, null);
    }
}

package kensaku.search;

import java.util.List;

/**
 * One result. {@code titleHtml} and {@code snippetHtml} are the only fields holding markup: escaped text with
 * matches wrapped in {@code <mark>}.
 *
 * @param url     the article's absolute address on the publisher's site, or null when no site URL is set
 * @param date    ISO 8601 in the display zone with its offset, or null when the article has no date
 * @param companyLabels the companies' display names, in the order of {@code companies} (which filters use)
 * @param preview {@value #DRAFT} or {@value #SCHEDULED} on a hit a preview server shows only because it is one
 *                ({@code serve --include-drafts / --include-future}); null for a published article
 */
public record Hit(String id, String url, String title, String titleHtml, String date, List<String> tags,
                  List<String> categories, List<String> companies, String author, String excerpt,
                  String snippetHtml, float score, List<String> companyLabels, String preview) {
    public static final String DRAFT = "draft";
    public static final String SCHEDULED = "scheduled";

    /** A hit whose companies are not labelled yet (they show their canonical names until they are). */
    public Hit(String id, String url, String title, String titleHtml, String date, List<String> tags,
               List<String> categories, List<String> companies, String author, String excerpt, String snippetHtml,
               float score, String preview) {
        this(id, url, title, titleHtml, date, tags, categories, companies, author, excerpt, snippetHtml, score, null,
                preview);
    }

    public Hit {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        companies = List.copyOf(companies);
        companyLabels = companyLabels == null || companyLabels.size() != companies.size()
                ? companies : List.copyOf(companyLabels);
    }
}

package kensaku.search;

import java.util.List;

/**
 * One result. {@code titleHtml} and {@code snippetHtml} are the only fields holding markup: escaped text with
 * matches wrapped in {@code <mark>}.
 *
 * @param url  the article's absolute address on the publisher's site, or null when no site URL is set
 * @param date ISO 8601 in the display zone with its offset, or null when the article has no date
 */
public record Hit(String id, String url, String title, String titleHtml, String date, List<String> tags,
                  List<String> categories, List<String> companies, String author, String excerpt,
                  String snippetHtml, float score) {
    public Hit {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        companies = List.copyOf(companies);
    }
}

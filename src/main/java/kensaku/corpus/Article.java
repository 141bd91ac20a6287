package kensaku.corpus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article as read from the corpus, before any analysis.
 *
 * @param id          stable id: the path relative to the corpus root, with '/' separators
 * @param title       never blank: front matter title, else first heading, else the file name
 * @param date        publication instant, or null when the file gives none
 * @param tags        front matter tags, in file order, without duplicates
 * @param categories  front matter categories, in file order, without duplicates
 * @param author      author or "" when absent
 * @param excerpt     excerpt, description or summary, or "" when absent
 * @param bodyText    the body reduced to plain text (Markdown and HTML removed), paragraphs separated by "\n"
 * @param bodyHtml    the body rendered to sanitised HTML (no script, no event handlers), for display
 * @param contentHash SHA-256 hex of the file's bytes, for incremental reindexing
 * @param address     the front matter's url/permalink and slug, from which {@link Permalink} makes the live URL
 * @param publishing  whether and when it may be shown (drafts, schedules, expiry, opt-outs)
 */
public record Article(String id, String title, Instant date, List<String> tags, List<String> categories,
                      String author, String excerpt, String bodyText, String bodyHtml, String contentHash,
                      PageAddress address, Publishing publishing) {
    /** A published article with no publish or expiry time, whose front matter says nothing about its address. */
    public Article(String id, String title, Instant date, List<String> tags, List<String> categories, String author,
                   String excerpt, String bodyText, String bodyHtml, String contentHash) {
        this(id, title, date, tags, categories, author, excerpt, bodyText, bodyHtml, contentHash, PageAddress.NONE,
                Publishing.ALWAYS);
    }

    public Article {
        publishing = publishing == null ? Publishing.ALWAYS : publishing;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        author = author == null ? "" : author;
        excerpt = excerpt == null ? "" : excerpt;
        Objects.requireNonNull(bodyText, "bodyText");
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        Objects.requireNonNull(contentHash, "contentHash");
        address = address == null ? PageAddress.NONE : address;
    }
}

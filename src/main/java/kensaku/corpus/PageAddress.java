package kensaku.corpus;

/**
 * Where an article's front matter says it lives on the publisher's site, before any site setting applies.
 *
 * @param url  Hugo's {@code url} or else Jekyll's {@code permalink} (a path, possibly with permalink tokens, or an
 *             absolute URL); "" when the front matter gives neither
 * @param slug the front matter {@code slug}, "" when absent
 */
public record PageAddress(String url, String slug) {
    public static final PageAddress NONE = new PageAddress("", "");

    public PageAddress {
        url = url == null ? "" : url.strip();
        slug = slug == null ? "" : slug.strip();
    }
}

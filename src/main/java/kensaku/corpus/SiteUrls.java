package kensaku.corpus;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The live address of each article on the publisher's site: the site URL ({@code --site-url}) joined with the
 * path its {@link Permalink} gives. Worked out when a result is shown, from stored fields, so a new site URL or
 * pattern needs a restart but no reindex.
 */
public final class SiteUrls {
    private final String siteUrl;
    private final Permalink permalink;

    /** @param siteUrl absolute http(s) URL of the site's root, possibly with a base path; null for no live URLs */
    public SiteUrls(String siteUrl, Permalink permalink) {
        this.siteUrl = siteUrl == null ? null : checked(siteUrl).replaceAll("/+$", "");
        this.permalink = permalink;
    }

    /** No site URL: every article's url is null and the page links to its own preview. */
    public static SiteUrls none(ZoneId zone) {
        return new SiteUrls(null, Permalink.of(null, Permalink.Generator.JEKYLL, zone));
    }

    public boolean enabled() {
        return siteUrl != null;
    }

    /** The absolute URL of the article, or null when there is no site URL or the pattern cannot place it. */
    public String urlOf(String id, String title, Instant date, List<String> categories, PageAddress address) {
        if (siteUrl == null) {
            return null;
        }
        return permalink.pathOf(id, title, date, categories, address)
                .map(path -> path.contains("://") ? path : siteUrl + path)
                .orElse(null);
    }

    private static String checked(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("the site URL must be an absolute http(s) URL without query or "
                        + "fragment, like https://example.com or https://example.com/blog, not " + url);
            }
            return url.strip();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the site URL is not a URL: " + url + " (" + e.getReason() + ")");
        }
    }
}

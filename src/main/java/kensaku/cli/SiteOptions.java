package kensaku.cli;

import java.time.ZoneId;
import java.util.Locale;
import kensaku.corpus.Permalink;
import kensaku.corpus.SiteUrls;
import picocli.CommandLine.Option;

/** Where the articles live on the publisher's site, so every hit can link to the live page. */
final class SiteOptions {
    @Option(names = "--site-url", description = "The publisher's site, e.g. https://example.com or https://example.com/blog;"
            + " hits and articles then carry their live url (null without it).")
    String siteUrl;

    @Option(names = "--permalink", description = "Permalink pattern with Jekyll/Hugo tokens, e.g. /:year/:month/:day/:slug/"
            + " or a Jekyll style (date, pretty, ordinal, none); default: the generator's default.")
    String permalink;

    @Option(names = "--site-generator", defaultValue = "jekyll",
            description = "jekyll or hugo: what :title and :slug mean and the default pattern (default: ${DEFAULT-VALUE}).")
    String generator;

    /** @throws IllegalArgumentException for a bad URL, pattern or generator, saying which */
    SiteUrls siteUrls(ZoneId zone) {
        Permalink.Generator chosen = switch (generator.strip().toLowerCase(Locale.ROOT)) {
            case "jekyll" -> Permalink.Generator.JEKYLL;
            case "hugo" -> Permalink.Generator.HUGO;
            default -> throw new IllegalArgumentException("--site-generator must be jekyll or hugo, not " + generator);
        };
        return new SiteUrls(siteUrl, Permalink.of(permalink, chosen, zone));
    }
}

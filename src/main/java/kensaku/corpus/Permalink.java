package kensaku.corpus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site's permalink pattern, as Jekyll ({@code permalink:} in _config.yml) and Hugo ({@code [permalinks]}) write
 * it, and the path it gives an article. The generator decides what {@code :title} and {@code :slug} mean and the
 * default pattern; every other token means the same in both. A front matter {@code url} or {@code permalink}
 * replaces the pattern for its article (and may use the same tokens).
 *
 * <p>Jekyll: {@code :title} is the file name without Jekyll's {@code YYYY-MM-DD-} prefix (or the front matter
 * slug), case kept; {@code :slug} the same, lowercased, every run of other than letters and digits a hyphen.
 * Hugo: {@code :title} is the front matter title and {@code :slug} the slug, else the title, both urlized
 * (lowercased, spaces to hyphens, punctuation dropped); {@code :filename} and {@code :slugorfilename} as Hugo.
 */
public final class Permalink {
    /** Whose conventions the site follows. */
    public enum Generator {
        JEKYLL("/:categories/:year/:month/:day/:title:output_ext"),
        HUGO("/:sections/:slugorfilename/");

        private final String defaultPattern;

        Generator(String defaultPattern) {
            this.defaultPattern = defaultPattern;
        }

        public String defaultPattern() {
            return defaultPattern;
        }
    }

    /** Jekyll's named permalink styles. */
    private static final Map<String, String> JEKYLL_STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");
    private static final Set<String> DATE_TOKENS = Set.of("year", "month", "day", "i_month", "i_day", "short_year",
            "hour", "minute", "second", "y_day", "short_month", "long_month", "short_day", "long_day", "week",
            "monthname", "weekday", "weekdayname", "yearday");
    private static final Set<String> OTHER_TOKENS = Set.of("title", "slug", "categories", "output_ext", "name",
            "basename", "filename", "path", "section", "sections", "slugorfilename", "contentbasename",
            "slugorcontentbasename");
    private static final Pattern TOKEN = Pattern.compile(":([a-z_]+)");
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{1,2}-\\d{1,2}-");
    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}]+");
    private static final Pattern NOT_PRETTY_SLUG = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+");
    private static final Pattern NOT_HUGO_PATH = Pattern.compile("[^\\p{M}\\p{L}\\p{Nd}./_\\-#+~]");

    private final String pattern;
    private final Generator generator;
    private final ZoneId zone;

    private Permalink(String pattern, Generator generator, ZoneId zone) {
        this.pattern = pattern;
        this.generator = generator;
        this.zone = zone;
    }

    /**
     * @param pattern   the site's pattern, a Jekyll style name ({@code date}, {@code pretty}…), or null/blank for
     *                  the generator's default
     * @param zone      the site's time zone, in which date tokens are cut
     * @throws IllegalArgumentException naming an unknown token
     */
    public static Permalink of(String pattern, Generator generator, ZoneId zone) {
        String chosen = pattern == null || pattern.isBlank() ? generator.defaultPattern()
                : JEKYLL_STYLES.getOrDefault(pattern.strip(), pattern.strip());
        checkTokens(chosen);
        return new Permalink(chosen.startsWith("/") ? chosen : "/" + chosen, generator, zone);
    }

    public String pattern() {
        return pattern;
    }

    public Generator generator() {
        return generator;
    }

    /**
     * The article's path on the site (percent-encoded, starting with '/'), or an absolute URL when its front matter
     * gives one; empty when the pattern needs a date the article does not have (no link beats a wrong one).
     */
    public Optional<String> pathOf(String id, String title, Instant date, List<String> categories, PageAddress address) {
        String template = address.url().isEmpty() ? pattern : address.url();
        if (template.matches("(?i)^https?://.*")) {
            return Optional.of(encode(template));
        }
        ZonedDateTime when = date == null ? null : date.atZone(zone);
        StringBuilder path = new StringBuilder();
        Matcher token = TOKEN.matcher(template);
        int at = 0;
        while (token.find()) {
            String name = known(token.group(1));
            if (name == null) {
                continue; // a literal colon in a front matter url
            }
            if (DATE_TOKENS.contains(name) && when == null) {
                return Optional.empty();
            }
            path.append(template, at, token.start())
                    .append(DATE_TOKENS.contains(name) ? dateValue(name, when) : value(name, id, title, categories, address));
            at = token.start() + 1 + name.length();
        }
        path.append(template.substring(at));
        String joined = ("/" + path).replaceAll("/{2,}", "/");
        return Optional.of(encode(joined));
    }

    private String value(String token, String id, String title, List<String> categories, PageAddress address) {
        String file = id.substring(id.lastIndexOf('/') + 1);
        String basename = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        String folder = id.contains("/") ? id.substring(0, id.lastIndexOf('/')) : "";
        String fileTitle = address.slug().isEmpty() ? DATE_PREFIX.matcher(basename).replaceFirst("") : address.slug();
        boolean jekyll = generator == Generator.JEKYLL;
        return switch (token) {
            case "title" -> jekyll ? slugify(fileTitle, NOT_PRETTY_SLUG) : urlize(title);
            case "slug" -> jekyll ? slugify(fileTitle, NOT_SLUG).toLowerCase(Locale.ROOT)
                    : urlize(address.slug().isEmpty() ? title : address.slug());
            case "categories" -> String.join("/", lowercased(categories));
            case "output_ext" -> ".html";
            case "name", "basename", "filename" -> basename;
            case "path" -> id.contains(".") ? id.substring(0, id.lastIndexOf('.')) : id;
            case "section" -> folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder;
            case "sections" -> folder;
            case "contentbasename" -> contentBasename(basename, folder);
            case "slugorfilename" -> address.slug().isEmpty() ? basename : urlize(address.slug());
            case "slugorcontentbasename" -> address.slug().isEmpty() ? contentBasename(basename, folder)
                    : urlize(address.slug());
            default -> throw new IllegalStateException("token checked at parse: " + token);
        };
    }

    /** Hugo names a page bundle ({@code post/index.md}) after its folder. */
    private static String contentBasename(String basename, String folder) {
        if ((basename.equals("index") || basename.equals("_index")) && !folder.isEmpty()) {
            return folder.substring(folder.lastIndexOf('/') + 1);
        }
        return basename;
    }

    private static String dateValue(String token, ZonedDateTime when) {
        return switch (token) {
            case "year" -> format(when, "uuuu");
            case "month" -> format(when, "MM");
            case "day" -> format(when, "dd");
            case "i_month" -> String.valueOf(when.getMonthValue());
            case "i_day" -> String.valueOf(when.getDayOfMonth());
            case "short_year" -> format(when, "uu");
            case "hour" -> format(when, "HH");
            case "minute" -> format(when, "mm");
            case "second" -> format(when, "ss");
            case "y_day" -> String.format(Locale.ROOT, "%03d", when.getDayOfYear());
            case "yearday" -> String.valueOf(when.getDayOfYear());
            case "short_month" -> when.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "long_month", "monthname" -> when.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "short_day" -> when.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "long_day", "weekdayname" -> when.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "weekday" -> String.valueOf(when.getDayOfWeek().getValue() % 7);
            case "week" -> String.format(Locale.ROOT, "%02d", when.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            default -> throw new IllegalStateException("not a date token: " + token);
        };
    }

    private static String format(ZonedDateTime when, String layout) {
        return DateTimeFormatter.ofPattern(layout, Locale.ROOT).format(when);
    }

    /** The token named by a run of letters after a colon, or null ({@code :title_en} is no token). */
    private static String known(String run) {
        if (DATE_TOKENS.contains(run) || OTHER_TOKENS.contains(run)) {
            return run;
        }
        return null;
    }

    private static void checkTokens(String pattern) {
        Matcher token = TOKEN.matcher(pattern);
        while (token.find()) {
            if (known(token.group(1)) == null) {
                throw new IllegalArgumentException("unknown permalink token :" + token.group(1) + " in " + pattern
                        + " (known: :year :month :day :title :slug :categories :section :filename and the other"
                        + " tokens Jekyll and Hugo use)");
            }
        }
    }

    /** Jekyll's slugify: every run of characters outside the allowed set becomes one hyphen, none at the ends. */
    private static String slugify(String text, Pattern disallowed) {
        return disallowed.matcher(text).replaceAll("-").replaceAll("^-+|-+$", "");
    }

    /** Hugo's urlize: spaces to hyphens, other punctuation dropped, lowercased. */
    private static String urlize(String text) {
        return NOT_HUGO_PATH.matcher(text.strip().replaceAll("\\s+", "-")).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static List<String> lowercased(List<String> values) {
        Set<String> lower = new LinkedHashSet<>();
        values.forEach(value -> lower.add(value.toLowerCase(Locale.ROOT)));
        return List.copyOf(lower);
    }

    /**
     * Percent-encodes what may not stand in a URL (non-ASCII as UTF-8, spaces, quotes…), leaving the characters a
     * path or URL may hold, and escapes already made, as they are.
     */
    static String encode(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        byte[] bytes = url.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean escape = b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            if (escape || (b < 0x80 && (Character.isLetterOrDigit(b) || "-._~!$&'()*+,;=:@/?#".indexOf(b) >= 0))) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}

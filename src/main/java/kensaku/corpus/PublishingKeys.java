package kensaku.corpus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link Publishing} from front matter in the forms Jekyll and Hugo write (keys already lower-cased).
 * A flag that is neither true nor false ({@code draft: maybe}) is an error, so a typo never publishes a draft.
 */
final class PublishingKeys {
    /** The display date: the first of these that is present. */
    static final List<String> DATE_KEYS = List.of("date", "publishdate", "pubdate", "published");
    /** The publish time: the first of these that is present (Hugo's order), else the display date. */
    private static final List<String> PUBLISH_KEYS = List.of("publishdate", "pubdate", "published", "date");
    private static final List<String> EXPIRY_KEYS = List.of("expirydate", "unpublishdate");

    private PublishingKeys() {}

    static Publishing read(FrontMatter front, String id, ZoneId zone) throws FrontMatter.Invalid {
        boolean draft = flag(front, "draft").orElse(false) || isUnderDrafts(id);
        Optional<Boolean> published = flag(front, "published");
        boolean unpublished = published.isPresent() && !published.get();
        return new Publishing(draft, unpublished, optOut(front), time(front, PUBLISH_KEYS, zone),
                time(front, EXPIRY_KEYS, zone));
    }

    /** The first of the keys holding a date (a {@code published: true/false} flag is not one), or null. */
    static Instant time(FrontMatter front, List<String> keys, ZoneId zone) throws FrontMatter.Invalid {
        for (String key : keys) {
            Object value = front.values().get(key);
            if (value == null || value instanceof Boolean || (key.equals("published") && isBooleanText(value))) {
                continue;
            }
            if (value instanceof String text && text.isBlank()) {
                continue;
            }
            try {
                return ArticleDates.parse(value, zone);
            } catch (FrontMatter.Invalid e) {
                throw new FrontMatter.Invalid(key + e.getMessage().substring("date".length()));
            }
        }
        return null;
    }

    /** Why the article opted out of search, in the words of its front matter; null when it did not. */
    private static String optOut(FrontMatter front) throws FrontMatter.Invalid {
        if (!flag(front, "search").orElse(true)) {
            return "search: false";
        }
        if (flag(front, "noindex").orElse(false)) {
            return "noindex: true";
        }
        Object robots = front.values().get("robots");
        if (robots != null && robots.toString().toLowerCase(Locale.ROOT).contains("noindex")) {
            return "robots: " + robots;
        }
        if (flag(front, "headless").orElse(false)) {
            return "headless: true";
        }
        for (String key : List.of("_build", "build")) {
            if (front.values().get(key) instanceof Map<?, ?> build) {
                for (String option : List.of("list", "render")) {
                    Object value = lowerKeys(build).get(option);
                    if (value != null && (value.equals(Boolean.FALSE)
                            || value.toString().strip().equalsIgnoreCase("never")
                            || value.toString().strip().equalsIgnoreCase("false"))) {
                        return key + ": {" + option + ": " + value + "}";
                    }
                }
            }
        }
        return null;
    }

    private static Optional<Boolean> flag(FrontMatter front, String key) throws FrontMatter.Invalid {
        Object value = front.values().get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        if (isBooleanText(value)) {
            return Optional.of(Boolean.parseBoolean(value.toString().strip()));
        }
        if (key.equals("published")) {
            return Optional.empty(); // a date: Jekyll and Hugo also read `published` as the publish date
        }
        throw new FrontMatter.Invalid(key + ": expected true or false, not '" + value + "'");
    }

    private static boolean isBooleanText(Object value) {
        String text = value.toString().strip();
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }

    /** Jekyll keeps drafts in a {@code _drafts} folder, without any front matter flag. */
    private static boolean isUnderDrafts(String id) {
        return id.startsWith("_drafts/") || id.contains("/_drafts/");
    }

    private static Map<String, Object> lowerKeys(Map<?, ?> map) {
        Map<String, Object> lower = new java.util.HashMap<>();
        map.forEach((key, value) -> lower.putIfAbsent(String.valueOf(key).toLowerCase(Locale.ROOT), value));
        return lower;
    }
}

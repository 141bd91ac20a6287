package kensaku.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Reads the date forms content folders hold. A date or time without an offset is taken in the given zone.
 * Impossible dates (2025-02-30) are errors, never silently moved to another day.
 */
final class ArticleDates {
    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(
            strict("uuuu-MM-dd HH:mm:ss Z"), strict("uuuu-MM-dd HH:mm:ss XXX"), strict("uuuu-MM-dd HH:mm Z"),
            strict("uuuu-MM-dd'T'HH:mm:ssXXX"), strict("uuuu-MM-dd'T'HH:mmXXX"),
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT));
    private static final List<DateTimeFormatter> LOCAL_TIME = List.of(
            strict("uuuu-MM-dd HH:mm:ss"), strict("uuuu-MM-dd HH:mm"), strict("uuuu-MM-dd'T'HH:mm:ss"),
            strict("uuuu-MM-dd'T'HH:mm"), strict("uuuu/MM/dd HH:mm:ss"), strict("uuuu/MM/dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.withResolverStyle(ResolverStyle.STRICT));
    private static final List<DateTimeFormatter> DATE_ONLY = List.of(
            strict("uuuu-MM-dd"), strict("uuuu/MM/dd"), strict("uuuu/M/d"), strict("uuuu年M月d日"));

    private ArticleDates() {}

    static Instant parse(Object value, ZoneId zone) throws FrontMatter.Invalid {
        return switch (value) {
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case LocalDateTime local -> local.atZone(zone).toInstant();
            case LocalDate date -> date.atStartOfDay(zone).toInstant();
            case Date date -> date.toInstant();
            default -> parseText(value.toString().strip(), zone);
        };
    }

    private static Instant parseText(String text, ZoneId zone) throws FrontMatter.Invalid {
        String normalized = text;
        for (DateTimeFormatter format : WITH_OFFSET) {
            try {
                return OffsetDateTime.parse(normalized, format).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        for (DateTimeFormatter format : LOCAL_TIME) {
            try {
                return LocalDateTime.parse(normalized, format).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        for (DateTimeFormatter format : DATE_ONLY) {
            try {
                return LocalDate.parse(normalized, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        throw new FrontMatter.Invalid("date: cannot read '" + text + "' as a date (or it does not exist)");
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}

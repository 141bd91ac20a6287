package kensaku.http;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** Dates and date ranges as a Japanese reader writes them: 2023年5月, 2023年5月3日, 2023年5月〜2025年1月. */
final class DateLabels {
    private DateLabels() {}

    static String month(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** An article's date (ISO 8601 with offset) as 2025年1月5日. */
    static String day(String iso) {
        OffsetDateTime date = OffsetDateTime.parse(iso);
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** A from/to parameter (YYYY-MM or YYYY-MM-DD) as 2023年5月 or 2023年5月3日; the text itself if neither. */
    static String of(String value) {
        try {
            if (value.length() == 7) {
                return month(YearMonth.parse(value));
            }
            LocalDate date = LocalDate.parse(value);
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        } catch (RuntimeException e) {
            return value;
        }
    }

    /** 2023年5月〜2025年1月; one month alone when both ends name it; 〜以降 / 〜まで when one end is open. */
    static String range(String from, String to) {
        if (!from.isEmpty() && !to.isEmpty()) {
            return from.equals(to) ? of(from) : of(from) + "〜" + of(to);
        }
        return from.isEmpty() ? of(to) + "まで" : of(from) + "以降";
    }
}

package kensaku.search;

import java.util.Locale;

/** How hits are ordered. Relevance breaks ties by date, newest first. */
public enum SortOrder {
    RELEVANCE("relevance"), DATE("date"), DATE_ASC("date_asc");

    private final String parameter;

    SortOrder(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static SortOrder parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (SortOrder order : values()) {
            if (order.parameter.equals(wanted)) {
                return order;
            }
        }
        throw new BadRequestException("sort", "invalid_sort", "sort must be relevance, date or date_asc");
    }
}

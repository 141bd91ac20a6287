package kensaku.http;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kensaku.search.FacetCount;

/**
 * The date filter: a histogram over every month from the first to the last article (empty months too, so the
 * gaps are where the time is), years labelled, the chosen range written out in Japanese with its own ×, and the
 * presets 過去1か月 / 過去1年. Each bar is a link selecting its month, so a click works without scripts; the bars
 * are out of the tab order, and the chart is one tab stop that the script drives with the arrow keys (and
 * drags). Heights are classes and geometry is flex layout, so the strict Content-Security-Policy (no inline
 * style) holds.
 */
final class MonthHistogram {
    /** Bar heights are drawn in this many steps (classes h0 … h10 in the style sheet). */
    static final int STEPS = 10;

    private MonthHistogram() {}

    static void render(StringBuilder html, PageLinks links, List<FacetCount> months, LocalDate today) {
        String from = links.value("from");
        String to = links.value("to");
        boolean ranged = !from.isEmpty() || !to.isEmpty();
        if (months.isEmpty() && !ranged) {
            return;
        }
        Map<YearMonth, Long> counts = new HashMap<>();
        YearMonth first = null;
        YearMonth last = null;
        for (FacetCount month : months) {
            YearMonth value = parse(month.value());
            if (value == null) {
                continue;
            }
            counts.put(value, month.count());
            first = first == null || value.isBefore(first) ? value : first;
            last = last == null || value.isAfter(last) ? value : last;
        }
        YearMonth selectedFrom = from.isEmpty() ? null : parse(from);
        YearMonth selectedTo = to.isEmpty() ? null : parse(to);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);

        html.append("<section class=\"dates\" aria-labelledby=\"dates-title\"><div class=\"dates-head\">")
                .append("<h2 id=\"dates-title\">期間</h2><p class=\"range-label\">");
        if (ranged) {
            html.append("<a class=\"chip remove\" href=\"").append(Html.escape(links.withoutRange()))
                    .append("\" aria-label=\"期間 ").append(Html.escape(DateLabels.range(from, to)))
                    .append(" を解除\">").append(Html.escape(DateLabels.range(from, to)))
                    .append(" <span aria-hidden=\"true\">×</span></a>");
        } else if (first != null) {
            html.append("すべて（").append(DateLabels.month(first)).append("〜").append(DateLabels.month(last))
                    .append("）");
        }
        html.append("</p></div>");
        if (first != null) {
            boolean manyYears = last.getYear() - first.getYear() > 6;
            html.append("<div class=\"chart").append(manyYears ? " many-years" : "").append("\" tabindex=\"0\" role=\"group\" aria-roledescription=\"期間グラフ\"")
                    .append(" aria-label=\"月別の記事数、").append(DateLabels.month(first)).append("〜")
                    .append(DateLabels.month(last))
                    .append("。左右の矢印キーで月を移動、Shiftを押しながらで期間を広げ、Enterで決定\">");
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                long count = counts.getOrDefault(month, 0L);
                boolean selected = selectedFrom != null || selectedTo != null
                        ? (selectedFrom == null || !month.isBefore(selectedFrom))
                                && (selectedTo == null || !month.isAfter(selectedTo))
                        : false;
                int step = count == 0 ? 0 : (int) Math.max(1, Math.round((double) count / max * STEPS));
                String label = DateLabels.month(month) + "：" + String.format("%,d件", count);
                html.append("<a class=\"bar h").append(step).append(selected ? " selected" : "")
                        .append(count == 0 ? " empty" : "").append("\" tabindex=\"-1\" id=\"month-").append(month)
                        .append("\" href=\"").append(Html.escape(links.withRange(month.toString(), month.toString())))
                        .append("\" data-month=\"").append(month).append("\" aria-label=\"").append(label)
                        .append("\" title=\"").append(label).append("\"><span class=\"fill\"></span>");
                if (month.getMonthValue() == 1 || month.equals(first)) {
                    html.append("<span class=\"year").append(month.getYear() % 2 == 0 ? " even" : "")
                            .append("\" aria-hidden=\"true\">").append(month.getYear()).append("</span>");
                }
                html.append("</a>");
            }
            html.append("</div>");
        }
        html.append("<ul class=\"presets\">");
        preset(html, links, "過去1か月", today.minusMonths(1), today);
        preset(html, links, "過去1年", today.minusYears(1), today);
        html.append("</ul><noscript><div class=\"month-inputs\"><label>開始 <input type=\"month\" name=\"from\"")
                .append(" form=\"search-form\" value=\"").append(Html.escape(monthOf(from))).append("\"></label>")
                .append("<label>終了 <input type=\"month\" name=\"to\" form=\"search-form\" value=\"")
                .append(Html.escape(monthOf(to))).append("\"></label>")
                .append("<button type=\"submit\" form=\"search-form\">期間で絞り込む</button></div></noscript>")
                .append("</section>");
    }

    private static void preset(StringBuilder html, PageLinks links, String label, LocalDate from, LocalDate to) {
        boolean current = links.value("from").equals(from.toString()) && links.value("to").equals(to.toString());
        html.append("<li><a class=\"preset\" href=\"").append(Html.escape(links.withRange(from.toString(), to.toString())))
                .append('"').append(current ? " aria-current=\"true\"" : "").append('>').append(label).append("</a></li>");
    }

    private static String monthOf(String date) {
        return date.length() >= 7 ? date.substring(0, 7) : "";
    }

    static YearMonth parse(String value) {
        try {
            return YearMonth.parse(value.length() > 7 ? value.substring(0, 7) : value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

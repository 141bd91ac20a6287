package kensaku.http;

import java.util.List;
import kensaku.search.FacetCount;

/**
 * The month facet as an SVG bar chart. Each bar is a link selecting that month, so it works without scripts;
 * the script adds dragging across bars to select a range. Geometry is in attributes, colours in CSS, so the
 * strict Content-Security-Policy (no inline style) holds.
 */
final class MonthHistogram {
    private static final int HEIGHT = 60;
    private static final int BAR_WIDTH = 12;
    private static final int GAP = 2;

    private MonthHistogram() {}

    static void render(StringBuilder html, PageLinks links, List<FacetCount> months) {
        if (months.isEmpty()) {
            return;
        }
        List<FacetCount> ordered = ResultsPage.chronological(months);
        long max = ordered.stream().mapToLong(FacetCount::count).max().orElse(1);
        String from = links.value("from");
        String to = links.value("to");
        int width = ordered.size() * (BAR_WIDTH + GAP);
        html.append("<section class=\"facet months\" aria-labelledby=\"months-title\"><h2 id=\"months-title\">月別</h2>")
                .append("<svg class=\"histogram\" role=\"group\" aria-label=\"月別の記事数（クリックで月を選択、ドラッグで期間を選択）\"")
                .append(" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT + 2).append("\" width=\"")
                .append(width).append("\" height=\"").append(HEIGHT + 2).append("\">");
        for (int i = 0; i < ordered.size(); i++) {
            FacetCount month = ordered.get(i);
            long barHeight = Math.max(2, Math.round((double) month.count() / max * HEIGHT));
            boolean inRange = !from.isEmpty() && month.value().compareTo(from.substring(0, 7)) >= 0
                    && (to.isEmpty() || month.value().compareTo(to.substring(0, Math.min(7, to.length()))) <= 0);
            html.append("<a href=\"").append(Html.escape(links.withRange(month.value(), month.value())))
                    .append("\" class=\"bar").append(inRange ? " selected" : "").append("\" data-month=\"")
                    .append(Html.escape(month.value())).append("\" aria-label=\"")
                    .append(Html.escape(month.value())).append("：").append(month.count()).append("件\">")
                    .append("<title>").append(Html.escape(month.value())).append("：").append(month.count())
                    .append("件</title><rect x=\"").append(i * (BAR_WIDTH + GAP)).append("\" y=\"")
                    .append(HEIGHT - barHeight).append("\" width=\"").append(BAR_WIDTH).append("\" height=\"")
                    .append(barHeight).append("\"></rect></a>");
        }
        html.append("</svg><p class=\"range\">");
        if (!from.isEmpty() || !to.isEmpty()) {
            html.append("期間：").append(Html.escape(from)).append(" 〜 ").append(Html.escape(to));
        } else {
            html.append(Html.escape(ordered.get(0).value())).append(" 〜 ")
                    .append(Html.escape(ordered.get(ordered.size() - 1).value()));
        }
        html.append("</p></section>");
    }
}

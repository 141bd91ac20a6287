package kensaku.analytics;

import java.util.List;
import java.util.Locale;

/**
 * The admin page, in Japanese: the report's tables and a bar chart of searches per day drawn as inline SVG on the
 * server (no script, no external file but the page's own style sheet, so a strict CSP holds).
 */
public final class AdminPage {
    public static final String STYLESHEET = """
            body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.typed{color:#666;font-size:.9em}
            .summary{display:flex;gap:1.5rem;flex-wrap:wrap;padding:0;list-style:none}.summary li{background:#f4f6f8;padding:.6rem .9rem;border-radius:.4rem}
            .summary b{display:block;font-size:1.3rem}svg.chart{width:100%;height:auto;background:#fafafa}
            nav a{margin-right:1rem}
            """;

    private AdminPage() {}

    /** The whole page; {@code days} is the span shown (7, 30, 90). */
    public static String render(Report r, int days) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>検索アナリティクス - kensaku 管理</title><link rel=\"stylesheet\" href=\"/admin/admin.css\">")
                .append("</head><body><h1>検索アナリティクス</h1><nav aria-label=\"期間\">");
        for (int span : new int[] {7, 30, 90}) {
            html.append(span == days ? "<strong>" : "<a href=\"/admin/?since=" + span + "d\">").append("過去").append(span)
                    .append("日").append(span == days ? "</strong>" : "</a>");
        }
        html.append("<a href=\"/metrics\">メトリクス</a></nav>");
        html.append("<ul class=\"summary\">");
        summary(html, "検索", Long.toString(r.searches()));
        summary(html, "クリック", Long.toString(r.clicks()));
        summary(html, "クリックされた平均順位", r.clicks() == 0 ? "—" : String.format(Locale.ROOT, "%.2f", r.meanClickedRank()));
        summary(html, "「もしかして」提示／採用", r.didYouMeanOffered() + "／" + r.didYouMeanTaken());
        html.append("</ul>");
        html.append("<h2>日ごとの検索数</h2>").append(chart(r.days()));
        html.append("<table><caption class=\"typed\">日付は ").append(escape(r.zone())).append("</caption><thead><tr><th>日付</th>")
                .append("<th class=\"n\">検索</th><th class=\"n\">0件</th><th class=\"n\">クリック</th>")
                .append("<th class=\"n\">応答時間 p50 (ms)</th><th class=\"n\">p95 (ms)</th></tr></thead><tbody>");
        for (Report.Day d : r.days()) {
            html.append("<tr><td>").append(d.day()).append("</td>").append(number(d.searches())).append(number(d.zeroResults()))
                    .append(number(d.clicks())).append(String.format(Locale.ROOT, "<td class=\"n\">%.1f</td><td class=\"n\">%.1f</td></tr>",
                            d.latencyP50Millis(), d.latencyP95Millis()));
        }
        html.append("</tbody></table>");
        queries(html, "よく検索される語", r.topQueries());
        queries(html, "結果が0件だった語（同義語・辞書・記事の候補）", r.zeroResults());
        queries(html, "結果がほとんどクリックされない語（" + Report.RARELY_CLICKED_MIN + "回以上検索、クリック率の低い順）", r.rarelyClicked());
        html.append("<p class=\"typed\">語は正規化した形（全角・半角、大文字・小文字、ひらがな・カタカナを同一視）でまとめています。")
                .append("括弧内は実際に入力された形です。IPアドレス・Cookie・ユーザーエージェントなど、読者を識別する情報は記録していません。</p>");
        return html.append("</body></html>").toString();
    }

    private static void summary(StringBuilder html, String label, String value) {
        html.append("<li>").append(label).append("<b>").append(escape(value)).append("</b></li>");
    }

    private static void queries(StringBuilder html, String title, List<Report.QueryRow> rows) {
        html.append("<h2>").append(escape(title)).append("</h2>");
        if (rows.isEmpty()) {
            html.append("<p>まだありません。</p>");
            return;
        }
        html.append("<table><thead><tr><th>検索語</th><th class=\"n\">検索</th><th class=\"n\">0件</th>")
                .append("<th class=\"n\">クリック</th><th class=\"n\">クリック率</th></tr></thead><tbody>");
        for (Report.QueryRow q : rows) {
            html.append("<tr><td>").append(escape(q.normalized())).append(" <span class=\"typed\">（")
                    .append(escape(String.join("、", q.typed()))).append("）</span></td>").append(number(q.searches()))
                    .append(number(q.zeroResults())).append(number(q.clicks()))
                    .append(String.format(Locale.ROOT, "<td class=\"n\">%.0f%%</td></tr>", q.clickShare() * 100));
        }
        html.append("</tbody></table>");
    }

    /** Searches per day as bars; zero-result searches as the darker part of each bar. */
    static String chart(List<Report.Day> days) {
        if (days.isEmpty()) {
            return "<p>この期間の検索はまだありません。</p>";
        }
        int width = 800;
        int height = 200;
        long max = Math.max(1, days.stream().mapToLong(Report.Day::searches).max().orElse(1));
        double slot = (double) width / days.size();
        double bar = Math.max(1, slot * 0.8);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height + 20)
                .append("\" role=\"img\" aria-label=\"日ごとの検索数（最大 ").append(max).append(" 件）\">");
        for (int i = 0; i < days.size(); i++) {
            Report.Day d = days.get(i);
            double h = (double) d.searches() / max * height;
            double zero = (double) d.zeroResults() / max * height;
            double x = i * slot + (slot - bar) / 2;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7bd0\">"
                    + "<title>%s：検索 %d 件、0件 %d 件</title></rect>", x, height - h, bar, h, d.day(), d.searches(), d.zeroResults()));
            if (zero > 0) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#c0392b\"/>",
                        x, height - zero, bar, zero));
            }
            if (days.size() <= 14 || i % Math.ceil(days.size() / 10.0) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                        x + bar / 2, height + 15, d.day().substring(5)));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String number(long n) {
        return "<td class=\"n\">" + n + "</td>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package kensaku.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A report as text: an aligned table for people, JSON for programs, CSV for a spreadsheet (one section per table). */
public enum ReportFormat {
    TABLE, JSON, CSV;

    public String render(Report report) {
        return switch (this) {
            case TABLE -> table(report);
            case JSON -> json(report);
            case CSV -> csv(report);
        };
    }

    private static String json(Report report) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        try {
            return mapper.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String table(Report r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Search analytics since %s (days in %s)%n", r.since(), r.zone()));
        out.append(String.format(Locale.ROOT, "searches %d · clicks %d · mean rank clicked %.2f · did-you-mean offered %d, taken %d%n%n",
                r.searches(), r.clicks(), r.meanClickedRank(), r.didYouMeanOffered(), r.didYouMeanTaken()));
        out.append("Per day\n");
        out.append(String.format(Locale.ROOT, "  %-10s %9s %9s %7s %9s %9s%n", "day", "searches", "no hits", "clicks", "p50 ms", "p95 ms"));
        for (Report.Day d : r.days()) {
            out.append(String.format(Locale.ROOT, "  %-10s %9d %9d %7d %9.1f %9.1f%n", d.day(), d.searches(), d.zeroResults(),
                    d.clicks(), d.latencyP50Millis(), d.latencyP95Millis()));
        }
        queries(out, "Top queries", r.topQueries());
        queries(out, "Top queries with no results", r.zeroResults());
        queries(out, "Rarely clicked (searched " + Report.RARELY_CLICKED_MIN + "+ times, lowest click share first)", r.rarelyClicked());
        return out.toString();
    }

    private static void queries(StringBuilder out, String title, List<Report.QueryRow> rows) {
        out.append('\n').append(title).append('\n');
        if (rows.isEmpty()) {
            out.append("  (none)\n");
            return;
        }
        out.append(String.format(Locale.ROOT, "  %9s %9s %7s  %s%n", "searches", "no hits", "clicks", "query (as typed)"));
        for (Report.QueryRow q : rows) {
            out.append(String.format(Locale.ROOT, "  %9d %9d %7d  %s  (%s)%n", q.searches(), q.zeroResults(), q.clicks(),
                    q.normalized(), String.join(" / ", q.typed())));
        }
    }

    private static String csv(Report r) {
        StringBuilder out = new StringBuilder();
        out.append("section,day,searches,zero_results,clicks,latency_p50_ms,latency_p95_ms\n");
        for (Report.Day d : r.days()) {
            out.append(String.format(Locale.ROOT, "day,%s,%d,%d,%d,%.1f,%.1f%n", d.day(), d.searches(), d.zeroResults(),
                    d.clicks(), d.latencyP50Millis(), d.latencyP95Millis()));
        }
        out.append("\nsection,normalized,typed,searches,zero_results,clicks\n");
        section(out, "top", r.topQueries());
        section(out, "zero_results", r.zeroResults());
        section(out, "rarely_clicked", r.rarelyClicked());
        out.append("\nsection,clicks,mean_clicked_rank,did_you_mean_offered,did_you_mean_taken\n");
        out.append(String.format(Locale.ROOT, "totals,%d,%.2f,%d,%d%n", r.clicks(), r.meanClickedRank(),
                r.didYouMeanOffered(), r.didYouMeanTaken()));
        return out.toString();
    }

    private static void section(StringBuilder out, String name, List<Report.QueryRow> rows) {
        Function<String, String> cell = ReportFormat::cell;
        for (Report.QueryRow q : rows) {
            out.append(name).append(',').append(cell.apply(q.normalized())).append(',')
                    .append(cell.apply(String.join(" / ", q.typed()))).append(',').append(q.searches()).append(',')
                    .append(q.zeroResults()).append(',').append(q.clicks()).append('\n');
        }
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so that a spreadsheet never runs a query as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = !safe.equals(value) || safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\n' || c == '\r');
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}

package kensaku.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groonga's {@code /d/select} for the same mix: {@code title*2||body} through TokenMecab + NormalizerAuto indexes,
 * company aliases expanded by a synonym table (as kensaku does), filters as script expressions, drilldowns on
 * company, tag (100 values each) and month (all), {@code snippet_html(body)} and {@code highlight_html(title)}.
 */
final class GroongaEngine implements Engine {
    /** Only to quote an error answer. */
    private static final ObjectMapper ERRORS = new ObjectMapper();
    private final String base;
    private final ZoneId zone;

    GroongaEngine(int port, ZoneId zone) {
        this.base = "http://127.0.0.1:" + port;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "Groonga";
    }

    @Override
    public URI uri(QueryMix.Query query) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("table", "Articles");
        String q = query.value("q", "").strip();
        if (query.isSuggest()) {
            p.put("match_columns", "title");
            p.put("query", q + "*");
            p.put("output_columns", "_key,title");
            p.put("sort_keys", "-_score,_key");
            p.put("limit", "8");
            return uri(p);
        }
        if (!q.isEmpty()) {
            p.put("match_columns", "title*2||body");
            p.put("query", q);
            p.put("query_expander", "Synonyms.words");
        }
        String filter = filter(query);
        if (!filter.isEmpty()) {
            p.put("filter", filter);
        }
        String sort = query.value("sort", q.isEmpty() ? "date" : "relevance");
        p.put("sort_keys", switch (sort) {
            case "date" -> "-date,_key";
            case "date_asc" -> "date,_key";
            default -> "-_score,-date,_key";
        });
        int page = Integer.parseInt(query.value("page", "1"));
        p.put("offset", Integer.toString((page - 1) * KensakuEngine.PAGE_SIZE));
        p.put("limit", Integer.toString(KensakuEngine.PAGE_SIZE));
        p.put("output_columns", q.isEmpty() ? "_key,_score,title,date,tags,companies"
                : "_key,_score,highlight_html(title),date,tags,companies,snippet_html(body)");
        drilldown(p, "company", "companies", "100", "-_nsubrecs,_key");
        drilldown(p, "tag", "tags", "100", "-_nsubrecs,_key");
        drilldown(p, "month", "month", "-1", "_key");
        return uri(p);
    }

    static URI probe(int port) {
        return URI.create("http://127.0.0.1:" + port + "/d/select?table=Articles&limit=1&match_columns=body&query="
                + KensakuEngine.encode("データ"));
    }

    private String filter(QueryMix.Query query) {
        List<String> clauses = new ArrayList<>();
        any(clauses, "companies", query.values("company"));
        any(clauses, "tags", query.values("tag"));
        String from = query.value("from", "");
        if (!from.isEmpty()) {
            clauses.add("date >= " + seconds(day(from, false)));
        }
        String to = query.value("to", "");
        if (!to.isEmpty()) {
            clauses.add("date < " + seconds(day(to, true).plusDays(1)));
        }
        return String.join(" && ", clauses);
    }

    private static void any(List<String> clauses, String column, List<String> values) {
        if (!values.isEmpty()) {
            clauses.add("(" + String.join(" || ", values.stream().map(v -> column + " @ " + quote(v)).toList()) + ")");
        }
    }

    private static LocalDate day(String text, boolean end) {
        if (text.length() == 7) {
            LocalDate first = LocalDate.parse(text + "-01");
            return end ? first.plusMonths(1).minusDays(1) : first;
        }
        return LocalDate.parse(text);
    }

    private long seconds(LocalDate day) {
        return day.atStartOfDay(zone).toEpochSecond();
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void drilldown(Map<String, String> p, String label, String keys, String limit, String sort) {
        p.put("drilldowns[" + label + "].keys", keys);
        p.put("drilldowns[" + label + "].limit", limit);
        p.put("drilldowns[" + label + "].sort_keys", sort);
        p.put("drilldowns[" + label + "].output_columns", "_key,_nsubrecs");
    }

    private URI uri(Map<String, String> params) {
        StringBuilder url = new StringBuilder(base).append("/d/select?");
        params.forEach((k, v) -> url.append(KensakuEngine.encode(k)).append('=').append(KensakuEngine.encode(v)).append('&'));
        url.setLength(url.length() - 1);
        return URI.create(url.toString());
    }

    /** Reads {@code [[status, …], [[[total], [columns], row, row, …], drilldowns…]]}: each row's first value is the id. */
    @Override
    public List<String> ids(QueryMix.Query query, byte[] body) throws IOException {
        try (JsonParser json = JsonAnswers.parser(body)) {
            JsonAnswers.expect(json, JsonToken.START_ARRAY);
            JsonAnswers.expect(json, JsonToken.START_ARRAY);
            if (!json.nextToken().isNumeric() || json.getIntValue() != 0) {
                throw new IOException("Groonga error: " + ERRORS.readTree(body).path(0));
            }
            skipRest(json);
            JsonAnswers.expect(json, JsonToken.START_ARRAY);
            JsonAnswers.expect(json, JsonToken.START_ARRAY);
            JsonAnswers.expect(json, JsonToken.START_ARRAY);
            long total = json.nextToken().isNumeric() ? json.getLongValue() : 0;
            skipRest(json);
            List<String> ids = new ArrayList<>();
            if (!query.isSuggest()) {
                ids.add("total=" + total);
            }
            JsonAnswers.expect(json, JsonToken.START_ARRAY);
            json.skipChildren(); // the column names and types
            while (json.nextToken() == JsonToken.START_ARRAY) {
                JsonToken first = json.nextToken();
                ids.add(first.isScalarValue() ? json.getText() : "");
                if (first != JsonToken.END_ARRAY) {
                    json.skipChildren();
                    skipRest(json);
                }
            }
            return ids;
        }
    }

    /** Skips the rest of the array the parser is in, its end included. */
    private static void skipRest(JsonParser json) throws IOException {
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            if (token == null) {
                throw new IOException("truncated Groonga answer");
            }
            json.skipChildren();
        }
    }
}

package kensaku.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The benchmark's queries, one a line as {@code category<TAB>name=value&name=value}. */
public record QueryMix(List<Query> queries) {
    public static final String SUGGEST = "suggest";
    private static final String BUILT_IN = "/kensaku/bench/queries.tsv";

    public QueryMix {
        queries = List.copyOf(queries);
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("the query file holds no query");
        }
    }

    /** One query: its category and its parameters in file order (a name may repeat). */
    public record Query(String category, List<Map.Entry<String, String>> params) {
        public Query {
            Objects.requireNonNull(category);
            params = List.copyOf(params);
        }

        public boolean isSuggest() {
            return SUGGEST.equals(category);
        }

        public List<String> values(String name) {
            return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
        }

        public String value(String name, String fallback) {
            List<String> values = values(name);
            return values.isEmpty() ? fallback : values.get(0);
        }

        @Override
        public String toString() {
            return category + "\t" + String.join("&", params.stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }

    public static QueryMix load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    public static QueryMix builtIn() throws IOException {
        try (InputStream in = QueryMix.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IOException(BUILT_IN + " is missing from the jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN);
        }
    }

    static QueryMix parse(Reader source, String name) throws IOException {
        List<Query> queries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 1) {
                throw new IOException(name + ":" + lineNumber + ": expected category<TAB>parameters");
            }
            List<Map.Entry<String, String>> params = new ArrayList<>();
            for (String pair : line.substring(tab + 1).strip().split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IOException(name + ":" + lineNumber + ": expected name=value in '" + pair + "'");
                }
                params.add(Map.entry(pair.substring(0, eq), pair.substring(eq + 1)));
            }
            queries.add(new Query(line.substring(0, tab).strip(), params));
        }
        return new QueryMix(queries);
    }

    /** Categories in first-appearance order. */
    public List<String> categories() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        queries.forEach(q -> seen.put(q.category(), true));
        return List.copyOf(seen.keySet());
    }
}

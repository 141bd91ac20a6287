package kensaku.relevance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged queries of a judgments file: one query a line, {@code class<TAB>query<TAB>id=grade id=grade…};
 * blank lines and lines starting with {@code #} are skipped.
 */
public record JudgedSet(List<JudgedQuery> queries) {
    public JudgedSet {
        queries = List.copyOf(queries);
    }

    public static JudgedSet read(Path file) throws IOException {
        List<JudgedQuery> queries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                queries.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new JudgedSet(queries);
    }

    private static JudgedQuery parse(String line) {
        String[] columns = line.split("\t");
        if (columns.length != 3) {
            throw new IllegalArgumentException("expected class, query and judgments separated by tabs");
        }
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (String judgment : columns[2].strip().split("\\s+")) {
            int equals = judgment.lastIndexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("judgment '" + judgment + "' is not id=grade");
            }
            grades.put(judgment.substring(0, equals), Integer.parseInt(judgment.substring(equals + 1)));
        }
        return new JudgedQuery(columns[0].strip(), columns[1], grades);
    }
}

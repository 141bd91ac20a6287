package kensaku;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package arrows pointing one way: corpus, analysis → index → search → analytics → http → metrics → cli
 * (relevance, opensearch beside). The benchmark (src/bench/java) sits outside, above all of it: it may use any of the
 * product, the product nothing of it nor of its libraries (ProductJarTest checks the jar itself).
 */
class ArchitectureTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("corpus", Set.of()),
            Map.entry("analysis", Set.of()),
            Map.entry("index", Set.of("corpus", "analysis")),
            Map.entry("search", Set.of("corpus", "analysis", "index")),
            Map.entry("relevance", Set.of("search")),
            Map.entry("analytics", Set.of("search")),
            Map.entry("http", Set.of("search", "analytics")),
            Map.entry("opensearch", Set.of("corpus", "analysis", "index", "search")),
            Map.entry("metrics", Set.of("search", "http", "analytics")),
            Map.entry("cli", Set.of("corpus", "analysis", "index", "search", "relevance", "http", "opensearch", "metrics", "analytics")));
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?kensaku\\.(\\w+)\\.");
    private static final Pattern BENCH_LIBRARIES = Pattern.compile("(?m)^import (?:static )?org\\.(?:apache\\.hc|openjdk\\.jmh)\\.");
    private static final Pattern LUCENE = Pattern.compile("(?m)^import (?:static )?org\\.apache\\.lucene\\.");

    @Test
    void importsPointOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/kensaku"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = file.getParent().getFileName().toString();
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher imports = IMPORT.matcher(source);
                while (imports.find()) {
                    String target = imports.group(1);
                    if (!target.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(target)) {
                        violations.add(file + " imports kensaku." + target);
                    }
                }
                if (BENCH_LIBRARIES.matcher(source).find()) {
                    violations.add(file + " imports a library of the benchmark");
                }
                if (Set.of("corpus", "relevance", "http", "analytics").contains(pkg) && LUCENE.matcher(source).find()) {
                    violations.add(file + " imports Lucene");
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}

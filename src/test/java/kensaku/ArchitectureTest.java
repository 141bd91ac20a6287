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
 * Inside search the rooms point one way too: the API ({@code search}) ← custom Lucene queries
 * ({@code search.scoring}) and kana queries read as written words ({@code search.kana}) ← planning
 * ({@code search.plan}) ← highlighting ({@code search.highlight}) ← the
 * embedded engine ({@code search.lucene}, with {@code search.lucene.facets}). The cluster backend reaches the API,
 * the plan and the shared highlighter, never the embedded engine or its scorers, and renders plans as JSON, never
 * through the plan's Lucene renderer.
 */
class ArchitectureTest {
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("corpus", Set.of()),
            Map.entry("analysis", Set.of()),
            Map.entry("index", Set.of("corpus", "analysis")),
            Map.entry("search", Set.of("corpus", "analysis", "index")),
            Map.entry("search.scoring", Set.of()),
            Map.entry("search.kana", Set.of("analysis", "index", "search")),
            Map.entry("search.plan", Set.of("corpus", "analysis", "index", "search", "search.scoring", "search.kana")),
            Map.entry("search.highlight", Set.of("analysis", "index", "search", "search.plan")),
            Map.entry("search.lucene.facets", Set.of("index")),
            Map.entry("search.lucene", Set.of("corpus", "analysis", "index", "search", "search.scoring", "search.kana",
                    "search.plan", "search.highlight", "search.lucene.facets")),
            Map.entry("search.reload", Set.of("analysis", "search")),
            Map.entry("relevance", Set.of("search")),
            Map.entry("analytics", Set.of("search", "search.kana", "search.plan")),
            Map.entry("http", Set.of("search", "search.plan", "analytics")),
            Map.entry("opensearch", Set.of("corpus", "analysis", "index", "search", "search.kana", "search.plan",
                    "search.highlight")),
            Map.entry("metrics", Set.of("search", "http", "analytics")),
            Map.entry("cli", Set.of("corpus", "analysis", "index", "search", "search.plan", "search.lucene",
                    "search.reload", "relevance",
                    "http", "opensearch", "metrics", "analytics")));
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?kensaku\\.([a-z.]+?)\\.[A-Z]");
    private static final Pattern BENCH_LIBRARIES = Pattern.compile("(?m)^import (?:static )?org\\.(?:apache\\.hc|openjdk\\.jmh)\\.");
    private static final Pattern LUCENE = Pattern.compile("(?m)^import (?:static )?org\\.apache\\.lucene\\.");
    private static final Path MAIN = Path.of("src/main/java/kensaku");

    @Test
    void importsPointOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
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
                if (pkg.equals("opensearch") && source.contains("import kensaku.search.plan.LuceneQueries;")) {
                    violations.add(file + " renders a plan as Lucene queries");
                }
                if (Set.of("corpus", "relevance", "http", "analytics").contains(pkg) && LUCENE.matcher(source).find()) {
                    violations.add(file + " imports Lucene");
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageHasItsRule() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<String> unknown = dirs.filter(Files::isDirectory).filter(d -> !d.equals(MAIN))
                    .map(d -> MAIN.relativize(d).toString().replace('/', '.'))
                    .filter(pkg -> !ALLOWED.containsKey(pkg)).toList();
            assertEquals(List.of(), unknown, "a new package needs its arrows in ALLOWED");
        }
    }
}

package kensaku.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexDirectory;
import kensaku.index.Schema;
import kensaku.search.Hit;
import kensaku.search.SearchRequest;
import kensaku.search.highlight.Highlights;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.lucene.SearchService;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.plan.SearchPlan;
import kensaku.search.plan.SearchPlanner;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The CPU of highlighting alone: the titles and snippets of the benchmark mix's pages (the hits each search of the
 * mix shows, found once by the search itself), marked again and again on one thread, timed with the thread's CPU
 * clock. For an A/B of two builds of the highlighting (the break iterator, the offsets strategy), run in turns:
 * {@code java -cp target/kensaku-bench.jar kensaku.bench.HighlightCpu INDEX [passes]}. Prints the best and the
 * median pass (ms per page) and a CRC-32 of every title and snippet produced, so two builds that mark differently
 * show it.
 */
public final class HighlightCpu {
    private HighlightCpu() {}

    private record Page(Query title, Query body, int[] docs, Map<Integer, Document> stored) {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int passes = 40;
        Path marksFile = null;
        Path queriesFile = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--marks" -> marksFile = Path.of(args[++i]);
                case "--queries" -> queriesFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(ZoneId.of("Asia/Tokyo"));
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
                LiveIndex live = new LiveIndex(new IndexDirectory(folder), schema, Duration.ofDays(1));
                DirectoryReader reader = DirectoryReader.open(FSDirectory.open(
                        folder.resolve(Files.readString(folder.resolve("CURRENT")).trim())))) {
            SearchService search = new SearchService(live, schema, analyzers, gazetteer);
            SearchPlanner planner = new SearchPlanner(analyzers, schema);
            LuceneQueries queries = new LuceneQueries(analyzers, schema);
            IndexSearcher searcher = new IndexSearcher(reader);
            List<Page> pages = new ArrayList<>();
            List<SearchRequest> requests = new ArrayList<>();
            if (queriesFile == null) {
                QueryMix.builtIn().queries().stream().filter(q -> !q.isSuggest()).map(QueryCpu::request)
                        .forEach(requests::add);
            } else {
                for (String line : Files.readAllLines(queriesFile)) {
                    if (!line.isBlank()) {
                        requests.add(QueryCpu.request(new QueryMix.Query("file", List.of(Map.entry("q", line.strip()),
                                Map.entry("size", "50")))));
                    }
                }
            }
            for (SearchRequest request : requests) {
                if (request.query() == null || request.query().isBlank()) {
                    continue;
                }
                List<Integer> docs = new ArrayList<>();
                for (Hit hit : search.search(request).hits()) {
                    TopDocs found = searcher.search(new TermQuery(new Term(Schema.ID, hit.id())), 1);
                    docs.add(found.scoreDocs[0].doc);
                }
                int[] sorted = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
                Map<Integer, Document> stored = new HashMap<>();
                for (int doc : sorted) {
                    stored.put(doc, reader.storedFields().document(doc));
                }
                SearchPlan plan = planner.plan(request);
                pages.add(new Page(queries.highlightQuery(plan, Schema.TITLE),
                        queries.highlightQuery(plan, Schema.BODY), sorted, stored));
            }
            Highlights highlights = new Highlights(schema.indexAnalyzer(analyzers));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] timed = new long[passes];
            long checksum = 0;
            if (marksFile != null) {
                List<String> lines = new ArrayList<>();
                for (Page page : pages) {
                    Highlights.Result marked = highlights.highlight(searcher, page.title(), page.body(), page.docs(),
                            page.stored());
                    for (int i = 0; i < page.docs().length; i++) {
                        lines.add(page.body() + "\t" + marked.titles()[i] + "\t" + marked.snippets()[i]);
                    }
                }
                Files.write(marksFile, lines);
            }
            for (int pass = -passes / 4; pass < passes; pass++) {
                CRC32 crc = new CRC32();
                long start = threads.getCurrentThreadCpuTime();
                for (Page page : pages) {
                    Highlights.Result marked = highlights.highlight(searcher, page.title(), page.body(), page.docs(),
                            page.stored());
                    for (String text : marked.titles()) {
                        crc.update(String.valueOf(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    for (String text : marked.snippets()) {
                        crc.update(String.valueOf(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                if (pass >= 0) {
                    timed[pass] = threads.getCurrentThreadCpuTime() - start;
                }
                checksum = crc.getValue();
            }
            Arrays.sort(timed);
            System.out.printf(Locale.ROOT, "highlight CPU per page of the mix (%d pages, %d passes): best %.3f ms, "
                            + "median %.3f ms; marks crc32 %08x%n", pages.size(), passes,
                    timed[0] / 1e6 / pages.size(), timed[passes / 2] / 1e6 / pages.size(), checksum);
        }
    }
}

package kensaku.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.InvalidAnalysisFileException;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexDirectory;
import kensaku.index.Schema;
import kensaku.search.Hit;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.lucene.SearchService;
import kensaku.search.SortOrder;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints the top hits for a query, to try an index before the server runs. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the index and print the top hits.")
public final class SearchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "", description = "The query (empty: newest articles).")
    String query;

    @Option(names = "--size", defaultValue = "10", description = "How many hits (default: ${DEFAULT-VALUE}).")
    int size;

    @Mixin
    CommonOptions common;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        AnalysisConfig analysis;
        try {
            analysis = common.analysisConfig();
        } catch (InvalidAnalysisFileException e) {
            System.err.println("kensaku search: " + e.getMessage());
            return 2;
        }
        CompanyGazetteer gazetteer = analysis.gazetteer();
        Schema schema = new Schema(common.zone);
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(analysis);
             LiveIndex index = new LiveIndex(new IndexDirectory(common.index), schema, Duration.ofHours(1))) {
            SearchService service = new SearchService(index, schema, analyzers, gazetteer);
            SortOrder order = query.isBlank() ? SortOrder.DATE : SortOrder.RELEVANCE;
            SearchResponse response = service.search(
                    new SearchRequest(query, List.of(), List.of(), List.of(), null, null, order, 1, size));
            System.out.printf("%,d hits (%d ms)%n", response.total(), response.tookMillis());
            for (Hit hit : response.hits()) {
                System.out.printf("%n%s%n  %s  [%s]  %s%n  %s%n", hit.title(), hit.date(),
                        String.join(", ", hit.companies()), hit.id(), plain(hit.snippetHtml()));
            }
            return 0;
        }
    }

    private static String plain(String html) {
        return html.replace("<mark>", "【").replace("</mark>", "】").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}

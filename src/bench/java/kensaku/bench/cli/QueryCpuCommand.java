package kensaku.bench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.bench.QueryCpu;
import kensaku.bench.QueryMix;
import kensaku.cli.CommonOptions;
import kensaku.index.IndexDirectory;
import kensaku.index.Schema;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.lucene.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** CPU per search of the benchmark mix on an existing index, in this process; for A/B runs of two builds. */
@Command(name = "query-cpu", mixinStandardHelpOptions = true,
        description = {"CPU per search of the benchmark mix, in-process on one thread (no HTTP).",
                "Compare builds by running each a few times in turns and taking each one's lowest figure."})
public final class QueryCpuCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--queries", description = "Query file (category<TAB>params); default: the built-in mix.")
    Path queries;

    @Option(names = "--passes", defaultValue = "15", description = "Timed passes over the mix (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--warmup-passes", defaultValue = "5", description = "Untimed passes first (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--per-query", description = "Also list every search's CPU, heaviest first.")
    boolean perQuery;

    @Override
    public Integer call() throws Exception {
        CompanyGazetteer gazetteer = common.gazetteer();
        Schema schema = new Schema(common.zone());
        QueryMix mix = queries == null ? QueryMix.builtIn() : QueryMix.load(queries);
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
             LiveIndex index = new LiveIndex(new IndexDirectory(common.index()), schema, Duration.ofDays(1))) {
            new QueryCpu(new SearchService(index, schema, analyzers, gazetteer), mix).run(warmUp, passes)
                    .print(System.out, perQuery);
        }
        return 0;
    }
}

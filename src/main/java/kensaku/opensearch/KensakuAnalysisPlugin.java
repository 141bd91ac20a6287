package kensaku.opensearch;

import java.util.Map;
import java.util.function.Function;
import java.util.List;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.SwappableAnalyzer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.common.settings.Setting;
import kensaku.analysis.JapaneseAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Runs kensaku's own analyzer chains inside an OpenSearch node: the very classes the embedded index uses, on the
 * same Lucene (OpenSearch 3.8.0 is built on Lucene 10.5.0), so cluster and embedded index hold identical terms.
 * Registers {@link ClusterSchema#MORPHOLOGICAL}, {@link ClusterSchema#MORPHOLOGICAL_QUERY},
 * and {@link ClusterSchema#BIGRAM}. Each index gets its own analyzers, because OpenSearch closes an index's
 * analyzers when the index is deleted (the reindex deletes old generations).
 *
 * <p>Compiled against the OpenSearch server in {@code provided} scope: the kensaku jar never loads this class; a
 * cluster loads it from kensaku's plugin (see docs/SCALE-OUT.md).
 */
public final class KensakuAnalysisPlugin extends Plugin implements AnalysisPlugin {
    /** Query-time synonyms and gazetteer of an open index, changed by {@link ClusterAnalysis#push}. */
    static final Setting<List<String>> SYNONYMS = Setting.listSetting(ClusterAnalysis.SYNONYMS, List.of(),
            Function.identity(), Setting.Property.IndexScope, Setting.Property.Dynamic);
    static final Setting<List<String>> COMPANIES = Setting.listSetting(ClusterAnalysis.COMPANIES, List.of(),
            Function.identity(), Setting.Property.IndexScope, Setting.Property.Dynamic);

    @Override
    public List<Setting<?>> getSettings() {
        return List.of(SYNONYMS, COMPANIES);
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
                ClusterSchema.MORPHOLOGICAL, provider(JapaneseAnalyzers::morphological),
                ClusterSchema.MORPHOLOGICAL_QUERY, (indexSettings, environment, name, settings) ->
                        new QueryProvider(indexSettings, name, settings),
                ClusterSchema.BIGRAM, provider(JapaneseAnalyzers::bigram));
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> provider(
            Function<JapaneseAnalyzers, Analyzer> chain) {
        return (indexSettings, environment, name, settings) -> new Provider(indexSettings, name, settings, chain);
    }

    /**
     * The analysis folder's files as {@link ClusterSchema} wrote them into the analyzer's settings; the built-in
     * file for each one absent (an index created before the folder existed, or by hand).
     */
    private static AnalysisConfig config(String index, Settings settings) {
        return AnalysisConfig.inline("index " + index, text(settings.getAsList(ClusterSchema.USER_DICTIONARY_RULES, null)),
                text(settings.getAsList(ClusterSchema.STOP_WORDS, null)),
                text(settings.getAsList(ClusterSchema.SYNONYMS, null)),
                text(settings.getAsList(ClusterSchema.COMPANY_GAZETTEER, null)));
    }

    private static String text(List<String> lines) {
        return lines == null ? null : String.join("\n", lines) + "\n";
    }

    /** The index's own config with the pushed synonyms and gazetteer, where they were pushed. */
    private static AnalysisConfig withPushed(AnalysisConfig base, List<String> synonyms, List<String> companies) {
        return new AnalysisConfig(base.source(), base.userDictionary(), base.stopWords(),
                synonyms.isEmpty() ? base.synonyms() : new AnalysisConfig.Text(base.source() + " synonyms", text(synonyms)),
                companies.isEmpty() ? base.gazetteer()
                        : CompanyGazetteer.fromTsv(text(companies), base.source() + " companies"));
    }

    private static final class Provider extends AbstractIndexAnalyzerProvider<Analyzer> {
        private final Analyzer analyzer;

        Provider(IndexSettings indexSettings, String name, Settings settings, Function<JapaneseAnalyzers, Analyzer> chain) {
            super(indexSettings, name, settings);
            this.analyzer = chain.apply(new JapaneseAnalyzers(config(indexSettings.getIndex().getName(), settings)));
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }

    /**
     * The query chain, swapped when the index's {@link #SYNONYMS} or {@link #COMPANIES} change: a search already
     * analysing its query finishes on the chain it began with, the next one uses the new chain.
     */
    private static final class QueryProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
        private static final Logger LOG = LogManager.getLogger(QueryProvider.class);
        private final SwappableAnalyzer analyzer;

        QueryProvider(IndexSettings indexSettings, String name, Settings settings) {
            super(indexSettings, name, settings);
            AnalysisConfig base = config(indexSettings.getIndex().getName(), settings);
            this.analyzer = new SwappableAnalyzer(new JapaneseAnalyzers(withPushed(base,
                    indexSettings.getValue(SYNONYMS), indexSettings.getValue(COMPANIES))).morphologicalQuery());
            indexSettings.getScopedSettings().addSettingsUpdateConsumer(SYNONYMS, COMPANIES, (synonyms, companies) -> {
                try {
                    analyzer.swap(new JapaneseAnalyzers(withPushed(base, synonyms, companies)).morphologicalQuery());
                } catch (RuntimeException e) {
                    // kensaku checks before it pushes; should anything still be wrong, the previous chain serves.
                    LOG.warn("kensaku: query analysis of {} not changed: {}", indexSettings.getIndex().getName(),
                            e.getMessage());
                }
            });
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }
}

package kensaku.opensearch;

import java.util.Map;
import java.util.function.Function;
import kensaku.analysis.CompanyGazetteer;
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
 * {@link ClusterSchema#BIGRAM}, {@link ClusterSchema#READING} and {@link ClusterSchema#READING_QUERY}. Each index gets its own analyzers, because OpenSearch closes an index's analyzers
 * when the index is deleted (the reindex deletes old generations).
 *
 * <p>Compiled against the OpenSearch server in {@code provided} scope: the kensaku jar never loads this class; a
 * cluster loads it from kensaku's plugin (see docs/SCALE-OUT.md).
 */
public final class KensakuAnalysisPlugin extends Plugin implements AnalysisPlugin {
    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
                ClusterSchema.MORPHOLOGICAL, provider(JapaneseAnalyzers::morphological),
                ClusterSchema.MORPHOLOGICAL_QUERY, provider(JapaneseAnalyzers::morphologicalQuery),
                ClusterSchema.BIGRAM, provider(JapaneseAnalyzers::bigram),
                ClusterSchema.READING, provider(JapaneseAnalyzers::reading),
                ClusterSchema.READING_QUERY, provider(JapaneseAnalyzers::readingQuery));
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> provider(
            Function<JapaneseAnalyzers, Analyzer> chain) {
        return (indexSettings, environment, name, settings) -> new Provider(indexSettings, name, settings, chain);
    }

    private static final class Provider extends AbstractIndexAnalyzerProvider<Analyzer> {
        private final Analyzer analyzer;

        Provider(IndexSettings indexSettings, String name, Settings settings, Function<JapaneseAnalyzers, Analyzer> chain) {
            super(indexSettings, name, settings);
            this.analyzer = chain.apply(new JapaneseAnalyzers(CompanyGazetteer.builtIn()));
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }
}

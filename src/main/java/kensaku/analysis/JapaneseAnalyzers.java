package kensaku.analysis;

import org.apache.lucene.analysis.Analyzer;

/** Placeholder: the analysis work fills this in. The one place analyzer chains are configured. */
public final class JapaneseAnalyzers implements java.io.Closeable {
    public JapaneseAnalyzers(CompanyGazetteer gazetteer) { }

    /** Morphological view (Kuromoji search mode), index side. */
    public Analyzer morphological() { throw new UnsupportedOperationException("todo"); }

    /** Morphological view, query side: same chain plus company aliases as synonyms. */
    public Analyzer morphologicalQuery() { throw new UnsupportedOperationException("todo"); }

    /** Character-bigram view, index and query side alike. */
    public Analyzer bigram() { throw new UnsupportedOperationException("todo"); }

    @Override
    public void close() { }
}

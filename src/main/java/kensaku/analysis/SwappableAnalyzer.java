package kensaku.analysis;

import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;

/**
 * An analyzer whose chain can be replaced while it is in use, for a cluster node whose query-time synonyms change
 * (see {@code KensakuAnalysisPlugin}). Each thread reuses the components it built only while they come from the
 * chain now current; a token stream begun before a swap finishes on the chain it began with, because the chain is
 * chosen once per {@link #tokenStream} call (by the reuse strategy, pinned for the rest of that call). The old chain
 * is not closed: a stream on another thread may still be reading it; it goes with the garbage.
 */
public final class SwappableAnalyzer extends AnalyzerWrapper {
    /** Components a thread built, with the chain they came from. */
    private record Pinned(Analyzer source, TokenStreamComponents components) {}

    private static final ReuseStrategy CURRENT_CHAIN_ONLY = new ReuseStrategy() {
        @Override
        public TokenStreamComponents getReusableComponents(Analyzer analyzer, String fieldName) {
            SwappableAnalyzer swappable = (SwappableAnalyzer) analyzer;
            Analyzer now = swappable.current;
            swappable.pinned.set(now);
            Object stored = getStoredValue(analyzer);
            return stored instanceof Pinned pinned && pinned.source() == now ? pinned.components() : null;
        }

        @Override
        public void setReusableComponents(Analyzer analyzer, String fieldName, TokenStreamComponents components) {
            SwappableAnalyzer swappable = (SwappableAnalyzer) analyzer;
            setStoredValue(analyzer, new Pinned(swappable.pinned.get(), components));
        }
    };

    private volatile Analyzer current;
    /** The chain this thread's current {@code tokenStream} call uses. */
    private final ThreadLocal<Analyzer> pinned = new ThreadLocal<>();

    public SwappableAnalyzer(Analyzer first) {
        super(CURRENT_CHAIN_ONLY);
        this.current = Objects.requireNonNull(first);
    }

    /** From the next token stream on, this chain. */
    public void swap(Analyzer next) {
        this.current = Objects.requireNonNull(next);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        Analyzer chain = pinned.get();
        return chain != null ? chain : current;
    }
}

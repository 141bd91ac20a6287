package kensaku.search.scoring;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The weight of one of our queries that match and score as a plain Lucene query does ({@link BestFieldQuery},
 * {@link LazyProximityQuery}): explanations and matches (what highlighting and {@code explain} read) are that
 * plain query's, so they stay Lucene's own.
 */
abstract class PlainExplainedWeight extends Weight {
    /** Built only when asked for: explaining and highlighting are rare next to searching. */
    private final Supplier<Query> plain;
    private final IndexSearcher searcher;
    private final ScoreMode scoreMode;
    private final float boost;

    PlainExplainedWeight(Query query, Supplier<Query> plain, IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        super(query);
        this.plain = plain;
        this.searcher = searcher;
        this.scoreMode = scoreMode;
        this.boost = boost;
    }

    @Override
    public final Explanation explain(LeafReaderContext context, int doc) throws IOException {
        return plainWeight().explain(context, doc);
    }

    @Override
    public final Matches matches(LeafReaderContext context, int doc) throws IOException {
        return plainWeight().matches(context, doc);
    }

    private Weight plainWeight() throws IOException {
        return searcher.createWeight(searcher.rewrite(plain.get()), scoreMode, boost);
    }
}

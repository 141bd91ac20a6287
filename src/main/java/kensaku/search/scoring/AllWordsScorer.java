package kensaku.search.scoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The words a search requires, each a scorer of its own: matches where all match and scores their sum, as
 * Lucene's conjunction of {@code MUST} clauses sums it; and can bound that sum from each word's own bound
 * ({@link ScoreBound}) without scoring any word in full.
 */
final class AllWordsScorer extends Scorer implements ScoreBound {
    private final Scorer[] words;
    private final DocIdSetIterator iterator;
    private final TwoPhaseIterator twoPhase;

    /**
     * The words of a required part that is only words, each required ({@code +a +b}), which are then scored one by
     * one so that their bounds can be summed ({@link AllWordsScorer}); none for any other shape.
     */
    static List<Query> words(Query required) {
        if (!(required instanceof BooleanQuery bool) || bool.clauses().size() < 2 || bool.getMinimumNumberShouldMatch() > 0) {
            return List.of();
        }
        List<Query> words = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            if (clause.occur() != Occur.MUST) {
                return List.of();
            }
            words.add(clause.query());
        }
        return words;
    }

    static ScorerSupplier supplier(List<Weight> words, LeafReaderContext context) throws IOException {
        List<ScorerSupplier> suppliers = new ArrayList<>();
        for (Weight word : words) {
            ScorerSupplier supplier = word.scorerSupplier(context);
            if (supplier == null) {
                return null; // a word absent from this segment: nothing matches here
            }
            suppliers.add(supplier);
        }
        long cost = suppliers.stream().mapToLong(ScorerSupplier::cost).min().orElse(0);
        return new ScorerSupplier() {
            @Override
            public Scorer get(long leadCost) throws IOException {
                List<Scorer> scorers = new ArrayList<>();
                for (ScorerSupplier supplier : suppliers) {
                    scorers.add(supplier.get(Math.min(leadCost, cost)));
                }
                return new AllWordsScorer(scorers);
            }

            @Override
            public long cost() {
                return cost;
            }
        };
    }

    AllWordsScorer(List<Scorer> words) {
        this.words = words.toArray(Scorer[]::new);
        this.iterator = ConjunctionUtils.intersectScorers(words);
        this.twoPhase = TwoPhaseIterator.unwrap(iterator);
    }

    @Override
    public int docID() {
        return iterator.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
        return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
        return twoPhase;
    }

    @Override
    public float score() throws IOException {
        double sum = 0;
        for (Scorer word : words) {
            sum += word.score();
        }
        return (float) sum;
    }

    @Override
    public float scoreBound() throws IOException {
        double sum = 0;
        for (Scorer word : words) {
            sum += word instanceof ScoreBound bounded ? bounded.scoreBound() : word.score();
        }
        return (float) sum;
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
        double sum = 0;
        for (Scorer word : words) {
            sum += word.getMaxScore(upTo);
        }
        return (float) sum;
    }
}

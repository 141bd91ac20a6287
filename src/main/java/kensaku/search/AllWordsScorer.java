package kensaku.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;

/**
 * The words a search requires, each a scorer of its own: matches where all match and scores their sum, as
 * Lucene's conjunction of {@code MUST} clauses sums it; and can bound that sum from each word's own bound
 * ({@link BestFieldQuery.ScoreBound}) without scoring any word in full.
 */
final class AllWordsScorer extends Scorer implements BestFieldQuery.ScoreBound {
    private final Scorer[] words;
    private final DocIdSetIterator iterator;
    private final TwoPhaseIterator twoPhase;

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
            sum += word instanceof BestFieldQuery.ScoreBound bounded ? bounded.scoreBound() : word.score();
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

package kensaku.search.scoring;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;

/**
 * Walks the clauses' approximations side by side (a plain scan: there are seven at most, one per field view,
 * which a heap does not pay for) and keeps, per clause, what is known of it at the current document.
 */
final class BestFieldScorer extends Scorer implements ScoreBound {
    private static final byte UNKNOWN = 0;
    private static final byte MATCH = 1;
    private static final byte NO_MATCH = 2;

    private final Clause[] clauses;
    private final float tieBreaker;
    private final Approximation approximation;
    private final TwoPhaseIterator twoPhase;
    /** The document whose clause states are set; -1 before the first. */
    private int settledDoc = -1;

    BestFieldScorer(List<Scorer> scorers, float tieBreaker, boolean needsScores) throws IOException {
        this.tieBreaker = tieBreaker;
        // Cheapest verification first: a term (no positions) before a phrase.
        this.clauses = scorers.stream().map(Clause::new)
                .sorted(Comparator.comparingDouble(clause -> clause.matchCost)).toArray(Clause[]::new);
        for (Clause clause : clauses) {
            // The Scorer contract (checked by lucene-test-framework's AssertingScorer): no max score before the
            // scorer is positioned or told where it will look.
            if (needsScores) {
                clause.scorer.advanceShallow(0);
            }
            clause.max = needsScores ? clause.scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS) : 0;
        }
        this.approximation = new Approximation(clauses);
        boolean anyTwoPhase = Arrays.stream(clauses).anyMatch(clause -> clause.twoPhase != null);
        float matchCost = (float) Arrays.stream(clauses).mapToDouble(clause -> clause.matchCost).max().orElse(0);
        this.twoPhase = anyTwoPhase ? new TwoPhaseIterator(approximation) {
            @Override
            public boolean matches() throws IOException {
                return settle();
            }

            @Override
            public float matchCost() {
                return matchCost;
            }
        } : null;
    }

    @Override
    public int docID() {
        return approximation.doc;
    }

    @Override
    public DocIdSetIterator iterator() {
        return twoPhase == null ? approximation : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
        return twoPhase;
    }

    /** Marks the clauses at the current document; true once one is known to match (a term needs no check). */
    private boolean settle() throws IOException {
        int doc = approximation.doc;
        settledDoc = doc;
        boolean matched = false;
        for (Clause clause : clauses) {
            if (clause.doc != doc) {
                clause.state = NO_MATCH;
            } else if (clause.twoPhase == null) {
                clause.state = MATCH;
                matched = true;
            } else {
                clause.state = UNKNOWN;
            }
        }
        if (matched) {
            return true;
        }
        for (Clause clause : clauses) {
            if (clause.state == UNKNOWN) {
                if (clause.twoPhase.matches()) {
                    clause.state = MATCH;
                    return true;
                }
                clause.state = NO_MATCH;
            }
        }
        return false;
    }

    private void settleOnce() throws IOException {
        if (settledDoc != approximation.doc) {
            settle();
        }
    }

    @Override
    public float score() throws IOException {
        settleOnce();
        int doc = approximation.doc;
        float best = 0;
        double others = 0;
        for (Clause clause : clauses) {
            if (clause.state == UNKNOWN) {
                clause.state = clause.twoPhase.matches() ? MATCH : NO_MATCH;
            }
            if (clause.state == MATCH) {
                float score = clause.scoreAt(doc);
                if (score >= best) {
                    others += best;
                    best = score;
                } else {
                    others += score;
                }
            }
        }
        return (float) (best + others * tieBreaker);
    }

    @Override
    public float scoreBound() throws IOException {
        settleOnce();
        int doc = approximation.doc;
        float best = 0;
        double others = 0;
        for (Clause clause : clauses) {
            float bound = switch (clause.state) {
                case MATCH -> clause.scoredDoc == doc ? clause.scoreAt(doc) : clause.boundAt(doc);
                case UNKNOWN -> clause.boundAt(doc);
                default -> 0;
            };
            if (bound >= best) {
                others += best;
                best = bound;
            } else {
                others += bound;
            }
        }
        // Room for the rounding of a sum taken in another order, as DisjunctionMaxScorer.getMaxScore leaves.
        return (float) (best + others * (1 + 1e-6) * tieBreaker);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
        float best = 0;
        double others = 0;
        for (Clause clause : clauses) {
            if (clause.doc <= upTo) {
                float max = clause.scorer.getMaxScore(upTo);
                if (max >= best) {
                    others += best;
                    best = max;
                } else {
                    others += max;
                }
            }
        }
        return (float) (best + others * (1 + 1e-6) * tieBreaker);
    }

    /** The union of the clauses' approximations. */
    private static final class Approximation extends DocIdSetIterator {
        private final Clause[] clauses;
        private final long cost;
        int doc = -1;

        Approximation(Clause[] clauses) {
            this.clauses = clauses;
            this.cost = Arrays.stream(clauses).mapToLong(clause -> clause.approximation.cost()).sum();
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() throws IOException {
            int current = doc;
            int next = NO_MORE_DOCS;
            for (Clause clause : clauses) {
                int at = clause.doc;
                if (at == current) {
                    at = clause.doc = clause.approximation.nextDoc();
                }
                next = Math.min(next, at);
            }
            return doc = next;
        }

        @Override
        public int advance(int target) throws IOException {
            int next = NO_MORE_DOCS;
            for (Clause clause : clauses) {
                int at = clause.doc;
                if (at < target) {
                    at = clause.doc = clause.approximation.advance(target);
                }
                next = Math.min(next, at);
            }
            return doc = next;
        }

        @Override
        public long cost() {
            return cost;
        }
    }

    /** One field's clause and what is known of it at the current document. */
    private static final class Clause {
        final Scorer scorer;
        final DocIdSetIterator approximation;
        final TwoPhaseIterator twoPhase;
        final float matchCost;
        float max;
        int doc = -1;
        byte state;
        private int scoredDoc = -1;
        private float score;
        /** The last document of the block whose best score {@link #blockMax} is; -1 before the first. */
        private int blockEnd = -1;
        private float blockMax;

        Clause(Scorer scorer) {
            this.scorer = scorer;
            this.twoPhase = scorer.twoPhaseIterator();
            this.approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            this.matchCost = twoPhase == null ? 0 : twoPhase.matchCost();
        }

        /**
         * At least its score at {@code doc}, without scoring it there (a phrase's occurrences counted, a term's
         * length norm read): the best score of the block of documents around it, from the index's impacts
         * (frequency and length pairs), read once per block.
         */
        float boundAt(int doc) throws IOException {
            if (doc > blockEnd) {
                blockEnd = scorer.advanceShallow(doc);
                blockMax = scorer.getMaxScore(blockEnd);
            }
            return Math.min(max, blockMax);
        }

        float scoreAt(int doc) throws IOException {
            if (scoredDoc != doc) {
                scoredDoc = doc;
                score = scorer.score();
            }
            return score;
        }
    }
}

package kensaku.search.scoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The words a search requires, plus an optional proximity boost (the words close together), scored as Lucene's
 * {@code BooleanQuery} of the required part and a {@code SHOULD} proximity clause scores them, bit for bit. The
 * difference: the required part always scores every match (totals and facets need them all), and the proximity
 * clause, a sloppy phrase that is the costliest part of a several-word search, is evaluated for a document only
 * when the best proximity score could lift it into the page, once the collector has said what the page's lowest
 * score is ({@link Scorer#setMinCompetitiveScore}). A document it skips gets its required score alone, which is
 * below the page's lowest score anyway, so the page is exactly what the plain query gives.
 */
public final class LazyProximityQuery extends Query {
    private final Query required;
    /** The proximity boost: these clauses (one per field), the best counting whole and the others this share. */
    private final List<Query> proximity;
    private final float tieBreaker;

    /** @param proximity the boost's clauses, or none for the required part alone (still scored in full) */
    public LazyProximityQuery(Query required, List<Query> proximity, float tieBreaker) {
        this.required = Objects.requireNonNull(required);
        this.proximity = List.copyOf(proximity);
        this.tieBreaker = tieBreaker;
    }

    /** The query itself when it is one of these, else it with no proximity boost: scored in full either way. */
    public static LazyProximityQuery scoredInFull(Query query) {
        return query instanceof LazyProximityQuery lazy ? lazy : new LazyProximityQuery(query, List.of(), 0);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query requiredRewritten = required.rewrite(searcher);
        List<Query> proximityRewritten = new ArrayList<>();
        boolean changed = requiredRewritten != required;
        for (Query clause : proximity) {
            Query rewritten = clause.rewrite(searcher);
            changed |= rewritten != clause;
            proximityRewritten.add(rewritten);
        }
        return changed ? new LazyProximityQuery(requiredRewritten, proximityRewritten, tieBreaker) : this;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        // The required part runs as it would under any exhaustive collector: no skipping, every match scored.
        ScoreMode exhaustive = scoreMode.needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        Weight requiredWeight = searcher.createWeight(required, exhaustive, boost);
        List<Weight> wordWeights = new ArrayList<>();
        if (scoreMode.needsScores()) {
            for (Query word : AllWordsScorer.words(required)) {
                wordWeights.add(searcher.createWeight(word, ScoreMode.COMPLETE, boost));
            }
        }
        List<Weight> proximityWeights = new ArrayList<>();
        if (scoreMode.needsScores()) {
            for (Query clause : proximity) {
                proximityWeights.add(searcher.createWeight(clause, ScoreMode.COMPLETE, boost));
            }
        }
        return new PlainExplainedWeight(this, this::plain, searcher, scoreMode, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier requiredScorers = wordWeights.isEmpty() ? requiredWeight.scorerSupplier(context)
                        : AllWordsScorer.supplier(wordWeights, context);
                if (requiredScorers == null) {
                    return null;
                }
                List<ScorerSupplier> proximityScorers = new ArrayList<>();
                for (Weight clause : proximityWeights) {
                    ScorerSupplier supplier = clause.scorerSupplier(context);
                    if (supplier != null) {
                        proximityScorers.add(supplier);
                    }
                }
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        List<Scorer> clauses = new ArrayList<>();
                        for (ScorerSupplier supplier : proximityScorers) {
                            clauses.add(supplier.get(leadCost));
                        }
                        return new LazyScorer(requiredScorers.get(leadCost), clauses, tieBreaker);
                    }

                    @Override
                    public long cost() {
                        return requiredScorers.cost();
                    }
                };
            }

            @Override
            public int count(LeafReaderContext context) throws IOException {
                return requiredWeight.count(context);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    /** The same search as a plain Lucene query: what this one matches and scores like. */
    public Query plain() {
        if (proximity.isEmpty()) {
            return required;
        }
        return new BooleanQuery.Builder().add(required, Occur.MUST)
                .add(new DisjunctionMaxQuery(proximity, tieBreaker), Occur.SHOULD).build();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        required.visit(visitor.getSubVisitor(Occur.MUST, this));
        QueryVisitor optional = visitor.getSubVisitor(Occur.SHOULD, this);
        proximity.forEach(clause -> clause.visit(optional));
    }

    @Override
    public String toString(String field) {
        return "+(" + required.toString(field) + ") lazy" + proximity.stream().map(q -> q.toString(field)).toList();
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && required.equals(((LazyProximityQuery) other).required)
                && proximity.equals(((LazyProximityQuery) other).proximity)
                && tieBreaker == ((LazyProximityQuery) other).tieBreaker;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), required, proximity, tieBreaker);
    }

    /**
     * Iterates the required part and adds the proximity clauses' best-field score, as a {@code SHOULD}
     * {@code DisjunctionMaxQuery} would add it; but looks at a clause only while the best score it could still give
     * might lift the document into the page, cheapest clause first (titles before bodies).
     */
    private static final class LazyScorer extends Scorer {
        private final Scorer required;
        private final Clause[] clauses;
        private final float tieBreaker;
        private float minCompetitiveScore;

        LazyScorer(Scorer required, List<Scorer> proximity, float tieBreaker) throws IOException {
            this.required = required;
            this.tieBreaker = tieBreaker;
            this.clauses = proximity.stream().map(Clause::new)
                    .sorted(Comparator.comparingLong(clause -> clause.approximation.cost())).toArray(Clause[]::new);
            for (Clause clause : clauses) {
                clause.scorer.advanceShallow(0); // the Scorer contract: positioned before asking for a max score
                clause.max = clause.scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
            }
        }

        @Override
        public int docID() {
            return required.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return required.iterator();
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return required.twoPhaseIterator();
        }

        @Override
        public float score() throws IOException {
            int doc = required.docID();
            for (Clause clause : clauses) {
                // Past it: no match here. Settled at it already (score asked twice): a two-phase match may be
                // checked only once per document.
                clause.known = clause.approximation.docID() > doc || clause.settledDoc == doc;
            }
            if (minCompetitiveScore > 0 && required instanceof ScoreBound bounded) {
                float requiredBound = bounded.scoreBound();
                if (requiredBound + bound(doc) < minCompetitiveScore) {
                    return requiredBound; // below the page's lowest score, like the score it stands for
                }
            }
            float score = required.score();
            if (clauses.length == 0) {
                return score;
            }
            for (Clause clause : clauses) {
                if (!clause.known && minCompetitiveScore > 0 && score + bound(doc) < minCompetitiveScore) {
                    return score; // even the best proximity scores cannot lift it into the page
                }
                clause.settle(doc);
            }
            return score + proximityScore(doc);
        }

        /** At least the proximity score of {@code doc}, from what is known and each unknown clause's best. */
        private float bound(int doc) {
            float best = 0;
            double others = 0;
            for (Clause clause : clauses) {
                float clauseBound = clause.known ? clause.scoreAt(doc) : clause.max;
                if (clauseBound >= best) {
                    others += best;
                    best = clauseBound;
                } else {
                    others += clauseBound;
                }
            }
            // Like DisjunctionMaxScorer.getMaxScore: room for the rounding of a sum taken in another order.
            return (float) (best + others * (1 + 1e-6) * tieBreaker);
        }

        /** The best clause's score plus the tie-breaker share of the others, as DisjunctionMaxScorer computes it. */
        private float proximityScore(int doc) {
            float best = 0;
            double others = 0;
            for (Clause clause : clauses) {
                float clauseScore = clause.scoreAt(doc);
                if (clauseScore >= best) {
                    others += best;
                    best = clauseScore;
                } else {
                    others += clauseScore;
                }
            }
            return (float) (best + others * tieBreaker);
        }

        @Override
        public void setMinCompetitiveScore(float minScore) {
            minCompetitiveScore = minScore;
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            float max = required.getMaxScore(upTo);
            for (Clause clause : clauses) {
                max += clause.max;
            }
            return max;
        }
    }

    /** One proximity clause and what is known of it at the current document. */
    private static final class Clause {
        final Scorer scorer;
        final DocIdSetIterator approximation;
        final TwoPhaseIterator twoPhase;
        float max;
        boolean known;
        private int matchedDoc = -1;
        private float matchedScore;
        private int settledDoc = -1;

        Clause(Scorer scorer) {
            this.scorer = scorer;
            this.twoPhase = scorer.twoPhaseIterator();
            this.approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        }

        /** Moves to {@code doc} if behind it and finds out whether it matches there, and its score. */
        void settle(int doc) throws IOException {
            if (!known) {
                int at = approximation.docID();
                if (at < doc) {
                    at = approximation.advance(doc);
                }
                if (at == doc && (twoPhase == null || twoPhase.matches())) {
                    matchedDoc = doc;
                    matchedScore = scorer.score();
                }
                settledDoc = doc;
                known = true;
            }
        }

        /** Its score at {@code doc} once known: 0 when it does not match there. */
        float scoreAt(int doc) {
            return matchedDoc == doc ? matchedScore : 0;
        }
    }
}

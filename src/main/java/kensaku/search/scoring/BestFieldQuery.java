package kensaku.search.scoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * One part of a search in every field, the best field counting whole and the others a share: matches and scores
 * exactly as Lucene's {@code DisjunctionMaxQuery} of the same clauses. The difference is in the work done per
 * match: a document matches as soon as one clause is verified (a plain term needs no verification), and the
 * other clauses' positions (the phrase checks) are looked at only when the score is asked for in full. Before
 * that, {@link ScoreBound#scoreBound} gives an upper bound from what is known, so a caller that knows the page's
 * lowest score ({@link LazyProximityQuery}) can leave a document that cannot reach the page unscored.
 */
public final class BestFieldQuery extends Query {
    private final List<Query> clauses;
    private final float tieBreaker;

    public BestFieldQuery(List<Query> clauses, float tieBreaker) {
        this.clauses = List.copyOf(clauses);
        this.tieBreaker = tieBreaker;
    }

    /** The same query as Lucene's: what this one matches and scores like, and what explains and highlights it. */
    DisjunctionMaxQuery plain() {
        return new DisjunctionMaxQuery(clauses, tieBreaker);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        if (clauses.isEmpty()) {
            return new MatchNoDocsQuery("no fields");
        }
        if (clauses.size() == 1) {
            return clauses.get(0);
        }
        List<Query> rewritten = new ArrayList<>();
        boolean changed = false;
        for (Query clause : clauses) {
            Query query = clause.rewrite(searcher);
            changed |= query != clause;
            if (!(query instanceof MatchNoDocsQuery)) {
                rewritten.add(query);
            }
        }
        return changed ? new BestFieldQuery(rewritten, tieBreaker) : this;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        List<Weight> weights = new ArrayList<>();
        // Top scores: the clauses read the index's impacts, which bound each clause's score block by block
        // (BestFieldScorer.scoreBound). They still match every document: none is told a competitive score.
        ScoreMode clauseMode = scoreMode.needsScores() ? ScoreMode.TOP_SCORES : scoreMode;
        for (Query clause : clauses) {
            weights.add(searcher.createWeight(clause, clauseMode, boost));
        }
        return new PlainExplainedWeight(this, this::plain, searcher, scoreMode, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                List<ScorerSupplier> suppliers = new ArrayList<>();
                for (Weight weight : weights) {
                    ScorerSupplier supplier = weight.scorerSupplier(context);
                    if (supplier != null) {
                        suppliers.add(supplier);
                    }
                }
                if (suppliers.size() <= 1) {
                    return suppliers.isEmpty() ? null : suppliers.get(0);
                }
                long cost = suppliers.stream().mapToLong(ScorerSupplier::cost).sum();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        List<Scorer> scorers = new ArrayList<>();
                        for (ScorerSupplier supplier : suppliers) {
                            scorers.add(supplier.get(leadCost));
                        }
                        return new BestFieldScorer(scorers, tieBreaker, scoreMode.needsScores());
                    }

                    @Override
                    public long cost() {
                        return cost;
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                for (Weight weight : weights) {
                    if (!weight.isCacheable(context)) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor sub = visitor.getSubVisitor(Occur.SHOULD, this);
        clauses.forEach(clause -> clause.visit(sub));
    }

    @Override
    public String toString(String field) {
        return "best" + plain().toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && clauses.equals(((BestFieldQuery) other).clauses)
                && tieBreaker == ((BestFieldQuery) other).tieBreaker;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), clauses, tieBreaker);
    }
}

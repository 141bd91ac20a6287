package kensaku.search.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kensaku.index.Schema;
import kensaku.search.Deadline;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.SortOrder;
import kensaku.search.Visibility;
import kensaku.search.highlight.Highlights;
import kensaku.search.lucene.facets.DrillSidewaysFacets;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.plan.SearchPipeline;
import kensaku.search.plan.SearchPlan;
import kensaku.search.scoring.LazyProximityQuery;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Step 2 of a search in the embedded index: the plan run on one snapshot, the page's hits loaded and highlighted,
 * facets counted drill-sideways; then, on the same searcher, the did-you-mean's look-ups and count.
 */
final class PlanExecution implements SearchPipeline.Found {
    private static final List<String> HELD_WORD_FIELDS = List.of(Schema.BODY, Schema.TITLE, Schema.EXCERPT, Schema.LABELS);

    private final IndexSearcher searcher;
    private final Query hidden;
    private final Deadline deadline;
    private final LuceneQueries lucene;
    private final DidYouMean didYouMean;
    private final long total;
    private final List<Hit> hits;
    private final Facets counts;
    private final boolean outOfTime;

    private PlanExecution(IndexSearcher searcher, Query hidden, Deadline deadline, LuceneQueries lucene,
                          DidYouMean didYouMean, long total, List<Hit> hits, Facets counts, boolean outOfTime) {
        this.searcher = searcher;
        this.hidden = hidden;
        this.deadline = deadline;
        this.lucene = lucene;
        this.didYouMean = didYouMean;
        this.total = total;
        this.hits = hits;
        this.counts = counts;
        this.outOfTime = outOfTime;
    }

    /** What the engine needs besides the plan and the snapshot. */
    record Engine(Schema schema, LuceneQueries lucene, Highlights highlights, ResultAssembler assembler,
                  DidYouMean didYouMean, Visibility visibility) {}

    /** The plan on this snapshot, showing what is visible at {@code now}, within the request's deadline. */
    static PlanExecution run(SearchPlan plan, IndexSnapshot snapshot, Instant now, Deadline deadline, Engine engine)
            throws IOException {
        LuceneQueries lucene = engine.lucene();
        Query hidden = snapshot.publishing().hiddenAt(now, engine.visibility());
        Query textQuery = lucene.textQuery(plan);
        // Relevance order is collected in one pass of our own (PageAndFacetsCollectorManager); date orders go
        // through Lucene's drill-sideways scorer, which refuses a time-limited searcher, so the budget applies to
        // those without facet or date filters, and filtered ones are bounded by the request limits instead.
        boolean onePass = plan.sort() == SortOrder.RELEVANCE;
        IndexSearcher searcher = onePass || plan.filters().isEmpty()
                ? snapshot.searcherWithin(deadline.remainingMillis()) : snapshot.searcher();
        DrillSidewaysFacets sideways = new DrillSidewaysFacets(searcher, engine.schema().facetsConfig(),
                snapshot.facetState(), snapshot.facetOrdinals());
        int depth = plan.page().depth();
        // Relevance order carries each hit's score as its first sort value; only date orders score the page again.
        Facets counts;
        TopDocs best;
        long total;
        if (onePass) {
            PageAndFacetsCollectorManager.Result result = searcher.search(
                    PublishingBounds.visible(LazyProximityQuery.scoredInFull(textQuery), hidden),
                    new PageAndFacetsCollectorManager(searcher, lucene.filters(plan), lucene.sort(plan),
                            Math.max(1, depth)));
            counts = sideways.counts(result.hits(), result.sideways(), result.sidewaysDims());
            best = result.page();
            total = result.total();
        } else {
            DrillSideways.DrillSidewaysResult result = sideways.search(
                    lucene.drillDown(plan, PublishingBounds.visible(textQuery, hidden)), null, null, depth,
                    lucene.sort(plan), true);
            counts = result.facets;
            best = result.hits;
            total = result.hits.totalHits.value();
        }
        ScoreDoc[] pageDocs = pageOf(best, plan.page());
        Map<Integer, Document> stored = engine.assembler().load(searcher, pageDocs, true);
        boolean outOfTime = deadline.passed();
        Highlights.Result marked = outOfTime ? Highlights.Result.none(pageDocs.length)
                : engine.highlights().highlight(searcher, lucene.highlightQuery(plan, Schema.TITLE),
                        lucene.highlightQuery(plan, Schema.BODY), docIds(pageDocs), stored);
        List<Hit> hits = engine.assembler().hits(pageDocs, stored, marked, engine.visibility(), now);
        return new PlanExecution(searcher, hidden, deadline, lucene, engine.didYouMean(), total, hits, counts,
                outOfTime);
    }

    @Override
    public long total() {
        return total;
    }

    @Override
    public List<Hit> hits() {
        return hits;
    }

    @Override
    public List<FacetCount> counted(String dim) throws IOException {
        List<FacetCount> values = new ArrayList<>();
        FacetResult result = Suggester.childrenOrNull(counts, dim);
        if (result != null) {
            for (LabelAndValue child : result.labelValues) {
                values.add(new FacetCount(child.label, child.value.longValue()));
            }
        }
        return values;
    }

    /** Drill-sideways counts every value a match holds, so a selected value not counted has no match. */
    @Override
    public long selectedCount(String dim, String value) {
        return 0;
    }

    @Override
    public boolean mayCorrect() {
        return !outOfTime && !deadline.passed();
    }

    /** A word is known only if a shown article holds it, so a hidden article neither blocks nor makes a correction. */
    @Override
    public Optional<String> corrected(String query) throws IOException {
        return didYouMean.correct(searcher, query, hidden, deadline);
    }

    /** A word in a hidden article counts too: a form it yields is kept only if it finds shown articles. */
    @Override
    public Set<String> heldWords(Set<String> words) throws IOException {
        Set<String> held = new HashSet<>();
        for (String word : words) {
            for (String field : HELD_WORD_FIELDS) {
                if (searcher.getIndexReader().docFreq(new Term(field, word)) > 0) {
                    held.add(word);
                    break;
                }
            }
        }
        return held;
    }

    @Override
    public long count(SearchPlan plan) throws IOException {
        return searcher.count(lucene.drillDown(plan, PublishingBounds.visible(lucene.textQuery(plan), hidden)));
    }

    @Override
    public boolean timedOut() {
        return searcher.timedOut() || outOfTime || deadline.passed();
    }

    private static ScoreDoc[] pageOf(TopDocs hits, SearchPlan.Page page) {
        int from = page.from();
        if (from >= hits.scoreDocs.length) {
            return new ScoreDoc[0];
        }
        int to = Math.min(hits.scoreDocs.length, from + page.size());
        ScoreDoc[] docs = new ScoreDoc[to - from];
        System.arraycopy(hits.scoreDocs, from, docs, 0, docs.length);
        return docs;
    }

    private static int[] docIds(ScoreDoc[] docs) {
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
        }
        return ids;
    }
}

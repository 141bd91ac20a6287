package kensaku.search.lucene;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.SiteUrls;
import kensaku.index.Schema;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import kensaku.search.ArticleView;
import kensaku.search.Deadline;
import kensaku.search.FacetCount;
import kensaku.search.Hit;
import kensaku.search.IndexInfo;
import kensaku.search.InterpretedQuery;
import kensaku.search.SearchBackend;
import kensaku.search.SearchLoad;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.SortOrder;
import kensaku.search.Suggestion;
import kensaku.search.Visibility;
import kensaku.search.plan.WordRuns;
import kensaku.search.plan.QueryPlanner;
import kensaku.search.plan.ReadingFallback;
import kensaku.search.plan.Corrections;
import kensaku.search.plan.QueryLimit;
import kensaku.search.plan.CompanyLabels;
import kensaku.search.scoring.LazyProximityQuery;
import kensaku.search.highlight.Highlights;
import kensaku.search.lucene.facets.DrillSidewaysFacets;

/**
 * Answers searches, article look-ups, suggestions and health checks against the live index. Each call takes one
 * snapshot of the index for its whole duration, so a reindex switching underneath never mixes two indexes in
 * one answer.
 */
public final class SearchService implements SearchBackend {
    private final LiveIndex index;
    private final Schema schema;
    private final CompanyGazetteer gazetteer;
    private final QueryPlanner planner;
    private final QueryPlanner readingPlanner;
    private final Highlights highlights;
    private final ResultAssembler assembler;
    private final DidYouMean didYouMean;
    private final RelatedArticles related;
    private final QueryLimit queryLimit;
    private final CompanyLabels labels;
    /**
     * No request may tie up a server thread longer than this, from its arrival (a wait for a slot counts) through
     * analysis, search, facets, highlights and did-you-mean; one that runs out answers what it has, timed out.
     */
    private final Duration budget = Duration.ofSeconds(2);
    private final SearchSlots searchSlots = SearchSlots.perCore();
    private final Visibility visibility;

    /** Shows published articles only, between their publish and expiry times. */
    public SearchService(LiveIndex index, Schema schema, JapaneseAnalyzers analyzers, CompanyGazetteer gazetteer) {
        this(index, schema, analyzers, gazetteer, SiteUrls.none(schema.zone()), Visibility.published());
    }

    /** @param siteUrls how each hit's live URL on the publisher's site is made */
    public SearchService(LiveIndex index, Schema schema, JapaneseAnalyzers analyzers, CompanyGazetteer gazetteer,
                         SiteUrls siteUrls) {
        this(index, schema, analyzers, gazetteer, siteUrls, Visibility.published());
    }

    /** Without live URLs; see the last constructor. */
    public SearchService(LiveIndex index, Schema schema, JapaneseAnalyzers analyzers, CompanyGazetteer gazetteer,
                         Visibility visibility) {
        this(index, schema, analyzers, gazetteer, SiteUrls.none(schema.zone()), visibility);
    }

    /**
     * @param siteUrls   how each hit's live URL on the publisher's site is made
     * @param visibility what is shown, decided at each request by its clock: every answer (hits, totals, facets,
     *                   the month histogram, suggestions, related articles, did-you-mean, one article) behaves as if
     *                   a hidden article did not exist
     */
    public SearchService(LiveIndex index, Schema schema, JapaneseAnalyzers analyzers, CompanyGazetteer gazetteer,
                         SiteUrls siteUrls, Visibility visibility) {
        this.visibility = visibility;
        this.index = index;
        this.schema = schema;
        this.gazetteer = gazetteer;
        this.planner = new QueryPlanner(analyzers, schema);
        this.readingPlanner = QueryPlanner.withReadings(analyzers, schema);
        this.highlights = new Highlights(schema.indexAnalyzer(analyzers));
        this.assembler = new ResultAssembler(schema, siteUrls);
        this.didYouMean = new DidYouMean(analyzers.morphological(), gazetteer);
        this.related = new RelatedArticles(analyzers.morphological());
        this.queryLimit = new QueryLimit(planner, new WordRuns(analyzers.morphological()));
        this.labels = new CompanyLabels(gazetteer);
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        return searchSlots.run(() -> {
            QueryLimit.Limited limited = queryLimit.apply(request.query());
            SearchRequest kept = request.withQuery(limited.kept());
            SearchResponse asTyped = searchNow(kept, start, planner);
            return interpreted(kept, asTyped, start).orElse(asTyped).ignoring(limited.ignored());
        });
    }

    /**
     * When the query found few articles as typed: the first of its readings or romaji ({@link ReadingFallback}) that
     * finds more, searched with the reading views; empty when none does or the time is spent.
     */
    private Optional<SearchResponse> interpreted(SearchRequest request, SearchResponse asTyped, long start)
            throws IOException {
        if (!request.hasQuery() || asTyped.total() > ReadingFallback.FEW_RESULTS || asTyped.timedOut()) {
            return Optional.empty();
        }
        for (InterpretedQuery alternative : ReadingFallback.alternatives(request.query())) {
            if (!queryLimit.fits(alternative.query()) || Deadline.after(budget, start).passed()) {
                continue;
            }
            SearchResponse found = searchNow(request.withQuery(alternative.query()), start, readingPlanner);
            if (found.total() > asTyped.total()) {
                return Optional.of(found.interpretedAs(alternative));
            }
        }
        return Optional.empty();
    }

    private SearchResponse searchNow(SearchRequest request, long start, QueryPlanner planner) throws IOException {
        Deadline deadline = Deadline.after(budget, start);
        SortOrder order = request.hasQuery() ? request.sort() : defaultBrowseOrder(request.sort());
        Query textQuery = planner.textQuery(request.query());
        Instant now = visibility.now();
        IndexSnapshot snapshot = index.acquire();
        try {
            Query hidden = snapshot.publishing().hiddenAt(now, visibility);
            DrillDownQuery query = planner.drillDown(request, PublishingBounds.visible(textQuery, hidden));
            // Relevance order is collected in one pass of our own (PageAndFacetsCollectorManager); date orders go
            // through Lucene's drill-sideways scorer, which refuses a time-limited searcher, so the budget applies to
            // those without facet or date filters, and filtered ones are bounded by the request limits instead.
            boolean onePass = order == SortOrder.RELEVANCE;
            IndexSearcher searcher = onePass || !isFiltered(request) ? snapshot.searcherWithin(deadline.remainingMillis()) : snapshot.searcher();
            DrillSidewaysFacets sideways = new DrillSidewaysFacets(searcher, schema.facetsConfig(), snapshot.facetState(),
                    snapshot.facetOrdinals());
            int depth = request.page() * request.size();
            // Relevance order carries each hit's score as its first sort value; only date orders score the page again.
            Facets counts;
            TopDocs best;
            long total;
            if (onePass) {
                PageAndFacetsCollectorManager.Result result = searcher.search(
                        PublishingBounds.visible(LazyProximityQuery.scoredInFull(textQuery), hidden),
                        new PageAndFacetsCollectorManager(searcher, planner.filters(request), planner.sort(order),
                                Math.max(1, depth)));
                counts = sideways.counts(result.hits(), result.sideways(), result.sidewaysDims());
                best = result.page();
                total = result.total();
            } else {
                DrillSideways.DrillSidewaysResult result =
                        sideways.search(query, null, null, depth, planner.sort(order), order != SortOrder.RELEVANCE);
                counts = result.facets;
                best = result.hits;
                total = result.hits.totalHits.value();
            }
            ScoreDoc[] pageDocs = pageOf(best, request);
            Map<Integer, Document> stored = assembler.load(searcher, pageDocs, true);
            boolean outOfTime = deadline.passed();
            Highlights.Result marked = outOfTime ? Highlights.Result.none(pageDocs.length) : highlights.highlight(searcher, planner.highlightQuery(request.query(), Schema.TITLE),
                    planner.highlightQuery(request.query(), Schema.BODY), docIds(pageDocs), stored);
            List<Hit> hits = assembler.hits(pageDocs, stored, marked, visibility, now);
            Map<String, List<FacetCount>> facets = assembler.facets(counts, request);
            String correction = outOfTime || deadline.passed() ? null
                    : correction(searcher, request, total, hidden, deadline, planner);
            long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            return labels.label(new SearchResponse(total, tookMillis, searcher.timedOut() || outOfTime
                    || deadline.passed(), request.page(), request.size(), hits, facets, correction));
        } finally {
            index.release(snapshot);
        }
    }

    /** The article, or empty for an unknown id and for an article not shown now (the same 404 to a client). */
    @Override
    public Optional<ArticleView> article(String id) throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            IndexSearcher searcher = snapshot.searcher();
            TopDocs found = searcher.search(byId(snapshot, id, visibility.now()), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(labels.article(assembler.article(searcher, found.scoreDocs[0].doc)));
        } finally {
            index.release(snapshot);
        }
    }

    /** Articles like the given one, best first, itself excluded; empty when there is no article with that id. */
    @Override
    public Optional<List<Hit>> related(String id, int size) throws IOException {
        SearchBackend.checkRelatedSize(size);
        Instant now = visibility.now();
        IndexSnapshot snapshot = index.acquire();
        try {
            IndexSearcher searcher = snapshot.searcher();
            TopDocs found = searcher.search(byId(snapshot, id, now), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Query like = related.query(searcher.getIndexReader(), found.scoreDocs[0].doc, id);
            ScoreDoc[] docs = searcher.search(PublishingBounds.visible(like, snapshot.publishing().hiddenAt(now, visibility)),
                    size).scoreDocs;
            Highlights.Result unmarked = new Highlights.Result(new String[docs.length], new String[docs.length]);
            return Optional.of(labels.hits(assembler.hits(searcher, docs, unmarked, visibility, now)));
        } finally {
            index.release(snapshot);
        }
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            return labels.suggestions(snapshot.suggester(gazetteer, visibility, visibility.now()).suggest(prefix, limit));
        } finally {
            index.release(snapshot);
        }
    }

    /** How many searches run and wait for a slot right now; read by the metrics, never pushed. */
    public SearchLoad load() {
        return searchSlots;
    }

    @Override
    public String status() {
        return index.status();
    }

    /** What is served; {@code documents} counts the articles shown now, not scheduled or expired ones. */
    @Override
    public IndexInfo info() throws IOException {
        IndexSnapshot snapshot = index.acquire();
        try {
            IndexInfo all = snapshot.info();
            int shown = snapshot.searcher().count(snapshot.publishing().allVisibleAt(visibility.now(), visibility));
            return new IndexInfo(all.generation(), shown, all.schemaVersion(), all.builtAt(), all.zone());
        } finally {
            index.release(snapshot);
        }
    }

    /** The article with this id if it is shown at that moment. */
    private Query byId(IndexSnapshot snapshot, String id, Instant now) {
        return PublishingBounds.visible(new TermQuery(new Term(Schema.ID, id)),
                snapshot.publishing().hiddenAt(now, visibility));
    }

    /**
     * A corrected query when this one found few articles and the correction finds more (same filters); or null.
     * A word is known only if a shown article holds it, so a hidden article neither blocks nor makes a correction.
     */
    private String correction(IndexSearcher searcher, SearchRequest request, long total, Query hidden, Deadline deadline,
            QueryPlanner planner) throws IOException {
        if (!request.hasQuery() || total > Corrections.FEW_RESULTS) {
            return null;
        }
        Optional<String> corrected = didYouMean.correct(searcher, request.query(), hidden, deadline);
        if (corrected.isEmpty() || corrected.get().equals(request.query()) || !queryLimit.fits(corrected.get())) {
            return null;
        }
        Query correctedQuery = planner.drillDown(request,
                PublishingBounds.visible(planner.textQuery(corrected.get()), hidden));
        return searcher.count(correctedQuery) > total ? corrected.get() : null;
    }

    private static boolean isFiltered(SearchRequest request) {
        return !request.companies().isEmpty() || !request.tags().isEmpty() || !request.categories().isEmpty()
                || request.from() != null || request.to() != null;
    }

    /** Without a query there is no relevance: fall back to newest first. */
    private static SortOrder defaultBrowseOrder(SortOrder asked) {
        return asked == SortOrder.RELEVANCE ? SortOrder.DATE : asked;
    }

    private static ScoreDoc[] pageOf(TopDocs hits, SearchRequest request) {
        int from = (request.page() - 1) * request.size();
        if (from >= hits.scoreDocs.length) {
            return new ScoreDoc[0];
        }
        int to = Math.min(hits.scoreDocs.length, from + request.size());
        ScoreDoc[] page = new ScoreDoc[to - from];
        System.arraycopy(hits.scoreDocs, from, page, 0, page.length);
        return page;
    }

    private static int[] docIds(ScoreDoc[] docs) {
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
        }
        return ids;
    }
}

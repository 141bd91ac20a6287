package kensaku.search.lucene;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.SiteUrls;
import kensaku.index.Schema;
import kensaku.search.ArticleView;
import kensaku.search.Deadline;
import kensaku.search.Hit;
import kensaku.search.IndexInfo;
import kensaku.search.SearchBackend;
import kensaku.search.SearchLoad;
import kensaku.search.SearchRequest;
import kensaku.search.SearchResponse;
import kensaku.search.Suggestion;
import kensaku.search.Visibility;
import kensaku.search.highlight.Highlights;
import kensaku.search.plan.CompanyLabels;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.plan.SearchPipeline;
import kensaku.search.plan.SearchPlan;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Answers searches, article look-ups, suggestions and health checks against the live index. Each call takes one
 * snapshot of the index for its whole duration, so a reindex switching underneath never mixes two indexes in
 * one answer.
 */
public final class SearchService implements SearchBackend {
    private final LiveIndex index;
    private final CompanyGazetteer gazetteer;
    private final SearchPipeline pipeline;
    private final PlanExecution.Engine engine;
    private final ResultAssembler assembler;
    private final RelatedArticles related;
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
        this.gazetteer = gazetteer;
        this.pipeline = new SearchPipeline(analyzers, schema, gazetteer);
        this.assembler = new ResultAssembler(schema, siteUrls);
        this.engine = new PlanExecution.Engine(schema, new LuceneQueries(analyzers, schema),
                new Highlights(schema.indexAnalyzer(analyzers)), assembler,
                new DidYouMean(analyzers.morphological(), gazetteer), visibility);
        this.related = new RelatedArticles(analyzers.morphological());
        this.labels = new CompanyLabels(gazetteer);
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        return searchSlots.run(() -> searchNow(request, start));
    }

    /** Plan, execute, assemble: the plan is made once and everything after reads it. */
    private SearchResponse searchNow(SearchRequest request, long start) throws IOException {
        SearchPlan plan = pipeline.plan(request);
        Instant now = visibility.now();
        IndexSnapshot snapshot = index.acquire();
        try {
            Deadline deadline = Deadline.after(budget, start);
            return pipeline.search(plan, planned -> PlanExecution.run(planned, snapshot, now, deadline, engine), start);
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

}

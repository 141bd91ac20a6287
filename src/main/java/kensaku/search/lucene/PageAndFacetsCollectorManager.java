package kensaku.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import kensaku.search.plan.LuceneQueries;
import kensaku.search.scoring.LazyProximityQuery;

/**
 * One pass over the text query's matches that keeps the best hits for the page, the hits for the facets, and, per
 * filtered dimension, the near misses (the matches that fail that dimension's filter only) for its drill-sideways
 * counts; and tells the scorer the page's lowest score as it rises. Lucene's {@code DrillSideways} scores every
 * match of the text query, hit or not, and its {@code MultiCollector} hides that score from the scorer; here only
 * hits are scored, and the query ({@link LazyProximityQuery}) uses the score only to skip work it would not show.
 */
final class PageAndFacetsCollectorManager
        implements CollectorManager<PageAndFacetsCollectorManager.Passes, PageAndFacetsCollectorManager.Result> {
    private final FacetsCollectorManager facets = new FacetsCollectorManager();
    private final TopFieldCollectorManager page;
    private final List<String> dims = new ArrayList<>();
    private final List<Weight> filters = new ArrayList<>();

    PageAndFacetsCollectorManager(IndexSearcher searcher, List<LuceneQueries.Filter> filters, Sort sort, int depth)
            throws IOException {
        this.page = new TopFieldCollectorManager(sort, depth, null, depth);
        for (LuceneQueries.Filter filter : filters) {
            dims.add(filter.dim());
            this.filters.add(searcher.createWeight(searcher.rewrite(filter.query()), ScoreMode.COMPLETE_NO_SCORES, 1));
        }
    }

    /** The hits, each filtered dimension's near misses and hits (its drill-sideways matches), and the page. */
    record Result(FacetsCollector hits, FacetsCollector[] sideways, String[] sidewaysDims, TopFieldDocs page) {
        long total() {
            long total = 0;
            for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) {
                total += matching.totalHits();
            }
            return total;
        }
    }

    @Override
    public Passes newCollector() throws IOException {
        List<FacetsCollector> sideways = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            sideways.add(facets.newCollector());
        }
        return new Passes(facets.newCollector(), sideways, page.newCollector(), filters);
    }

    @Override
    public Result reduce(Collection<Passes> collectors) throws IOException {
        List<FacetsCollector> hits = new ArrayList<>();
        List<TopFieldCollector> pages = new ArrayList<>();
        List<List<FacetsCollector>> sideways = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            sideways.add(new ArrayList<>());
        }
        for (Passes passes : collectors) {
            hits.add(passes.hits);
            pages.add(passes.page);
            for (int i = 0; i < filters.size(); i++) {
                sideways.get(i).add(passes.sideways.get(i));
            }
        }
        FacetsCollector[] reducedSideways = new FacetsCollector[filters.size()];
        for (int i = 0; i < reducedSideways.length; i++) {
            reducedSideways[i] = facets.reduce(sideways.get(i));
        }
        return new Result(facets.reduce(hits), reducedSideways, dims.toArray(String[]::new), page.reduce(pages));
    }

    static final class Passes implements Collector {
        private final FacetsCollector hits;
        private final List<FacetsCollector> sideways;
        private final TopFieldCollector page;
        private final List<Weight> filters;

        Passes(FacetsCollector hits, List<FacetsCollector> sideways, TopFieldCollector page, List<Weight> filters) {
            this.hits = hits;
            this.sideways = sideways;
            this.page = page;
            this.filters = filters;
        }

        @Override
        public ScoreMode scoreMode() {
            return page.scoreMode();
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector hitsLeaf = hits.getLeafCollector(context);
            LeafCollector pageLeaf = page.getLeafCollector(context);
            LeafCollector[] sidewaysLeaves = new LeafCollector[filters.size()];
            FilterAt[] filterAt = new FilterAt[filters.size()];
            for (int i = 0; i < sidewaysLeaves.length; i++) {
                sidewaysLeaves[i] = sideways.get(i).getLeafCollector(context);
                filterAt[i] = new FilterAt(filters.get(i).scorer(context));
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    hitsLeaf.setScorer(scorer);
                    pageLeaf.setScorer(scorer);
                    for (LeafCollector leaf : sidewaysLeaves) {
                        leaf.setScorer(scorer);
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    int missed = -1;
                    for (int i = 0; i < filterAt.length; i++) {
                        if (!filterAt[i].matches(doc)) {
                            if (missed >= 0) {
                                return; // fails two filters: counted nowhere
                            }
                            missed = i;
                        }
                    }
                    if (missed >= 0) {
                        sidewaysLeaves[missed].collect(doc);
                        return;
                    }
                    hitsLeaf.collect(doc);
                    pageLeaf.collect(doc);
                    for (LeafCollector leaf : sidewaysLeaves) {
                        leaf.collect(doc);
                    }
                }

                @Override
                public void finish() throws IOException {
                    hitsLeaf.finish();
                    pageLeaf.finish();
                    for (LeafCollector leaf : sidewaysLeaves) {
                        leaf.finish();
                    }
                }
            };
        }
    }

    /** A filter's matches in one segment, asked in increasing document order. */
    private static final class FilterAt {
        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;

        FilterAt(Scorer scorer) {
            this.twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
            this.approximation = scorer == null ? DocIdSetIterator.empty()
                    : twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        }

        boolean matches(int doc) throws IOException {
            int at = approximation.docID();
            if (at < doc) {
                at = approximation.advance(doc);
            }
            return at == doc && (twoPhase == null || twoPhase.matches());
        }
    }
}

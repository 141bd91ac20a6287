package kensaku.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * One pass that keeps every match for the facets and the best ones for the page, and tells the scorer the page's
 * lowest score as it rises. Lucene's {@code MultiCollector} hides that score from the scorer, since another
 * collector might need every hit; here the facets need every match but not its score, and the query
 * ({@link LazyProximityQuery}) still matches every document, using the score only to skip work it would not show.
 */
final class PageAndFacetsCollectorManager
        implements CollectorManager<PageAndFacetsCollectorManager.Both, PageAndFacetsCollectorManager.Result> {
    private final FacetsCollectorManager facets = new FacetsCollectorManager();
    private final TopFieldCollectorManager page;

    PageAndFacetsCollectorManager(Sort sort, int depth) {
        this.page = new TopFieldCollectorManager(sort, depth, null, depth);
    }

    record Result(FacetsCollector matches, TopFieldDocs page) {
        long total() {
            long total = 0;
            for (FacetsCollector.MatchingDocs hits : matches.getMatchingDocs()) {
                total += hits.totalHits();
            }
            return total;
        }
    }

    @Override
    public Both newCollector() throws IOException {
        return new Both(facets.newCollector(), page.newCollector());
    }

    @Override
    public Result reduce(Collection<Both> collectors) throws IOException {
        List<FacetsCollector> matches = new ArrayList<>();
        List<TopFieldCollector> pages = new ArrayList<>();
        for (Both both : collectors) {
            matches.add(both.matches);
            pages.add(both.page);
        }
        return new Result(facets.reduce(matches), page.reduce(pages));
    }

    static final class Both implements Collector {
        private final FacetsCollector matches;
        private final TopFieldCollector page;

        Both(FacetsCollector matches, TopFieldCollector page) {
            this.matches = matches;
            this.page = page;
        }

        @Override
        public ScoreMode scoreMode() {
            return page.scoreMode();
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector matchesLeaf = matches.getLeafCollector(context);
            LeafCollector pageLeaf = page.getLeafCollector(context);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    matchesLeaf.setScorer(scorer);
                    pageLeaf.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    matchesLeaf.collect(doc);
                    pageLeaf.collect(doc);
                }

                @Override
                public void finish() throws IOException {
                    matchesLeaf.finish();
                    pageLeaf.finish();
                }
            };
        }
    }
}

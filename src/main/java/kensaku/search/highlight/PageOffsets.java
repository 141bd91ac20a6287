package kensaku.search.highlight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Where a field's query matches lie in one hit, from postings offsets: the highlighter's own weight-matches
 * strategy, minus its repeated work. Lucene's builds the query's weight again for every hit and every masked
 * field (body, its bigram view, and body once more), and asks each for the hit's matches; this one builds the
 * weight once per segment of the page and asks once per hit, then reads every field's matches from the answer, in
 * the same order, so passages and marks come out the same. The weight reads the segment through a
 * {@link PagePostingsReader}, so each term's postings are opened once for the page, not once per hit.
 */
final class PageOffsets extends FieldOffsetStrategy {
    private final Query query;
    private final List<String> fields;
    private final Map<LeafReader, Page> pages = new IdentityHashMap<>();

    /**
     * @param fields the fields whose matches are marked on the stored text, in the order Lucene's masked-field
     *     strategy reads them (a field may repeat: each reading counts in passage scoring)
     */
    PageOffsets(UHComponents components, Query query, List<String> fields) {
        super(components);
        this.query = query;
        this.fields = List.copyOf(fields);
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
        return UnifiedHighlighter.OffsetSource.POSTINGS;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
        List<OffsetsEnum> found = new ArrayList<>(fields.size());
        Page page = page(reader);
        page.postings.markingHit(docId);
        Matches matches = page.weight.matches(page.postings.getContext(), docId);
        if (matches != null) {
            for (String field : fields) {
                MatchesIterator iterator = matches.getMatches(field);
                if (iterator != null) {
                    found.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
                }
            }
        }
        return new OffsetsEnum.MultiOffsetsEnum(found);
    }

    /** A segment's shared postings and the query's weight on them, made at its first hit. */
    private record Page(PagePostingsReader postings, Weight weight) {}

    private Page page(LeafReader reader) throws IOException {
        Page page = pages.get(reader);
        if (page == null) {
            PagePostingsReader postings = new PagePostingsReader(reader);
            IndexSearcher searcher = new IndexSearcher(postings);
            searcher.setQueryCache(null);
            page = new Page(postings, searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1.0f));
            pages.put(reader, page);
        }
        return page;
    }
}

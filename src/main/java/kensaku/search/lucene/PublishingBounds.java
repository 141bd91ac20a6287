package kensaku.search.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kensaku.index.Schema;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import kensaku.search.Visibility;

/**
 * The latest publish time, the earliest expiry time and whether there are drafts in one index generation, read
 * once from the points and terms: so a request knows whether anything is hidden now, and an index where nothing
 * is (most of the time, most sites) is searched with no filter at all.
 */
final class PublishingBounds {
    private final Long latestPublish;
    private final Long earliestExpiry;
    private final boolean hasDrafts;

    private PublishingBounds(Long latestPublish, Long earliestExpiry, boolean hasDrafts) {
        this.latestPublish = latestPublish;
        this.earliestExpiry = earliestExpiry;
        this.hasDrafts = hasDrafts;
    }

    static PublishingBounds of(IndexReader reader) throws IOException {
        byte[] max = PointValues.getMaxPackedValue(reader, Schema.PUBLISH_AT);
        byte[] min = PointValues.getMinPackedValue(reader, Schema.EXPIRE_AT);
        return new PublishingBounds(max == null ? null : LongPoint.decodeDimension(max, 0),
                min == null ? null : LongPoint.decodeDimension(min, 0),
                reader.docFreq(new Term(Schema.DRAFT, Schema.DRAFT_VALUE)) > 0);
    }

    /** The articles hidden at this moment, or null when none is. */
    Query hiddenAt(Instant now, Visibility visibility) {
        long millis = now.toEpochMilli();
        List<Query> hidden = new ArrayList<>();
        if (!visibility.includeFuture() && latestPublish != null && latestPublish > millis) {
            hidden.add(LongField.newRangeQuery(Schema.PUBLISH_AT, millis + 1, Long.MAX_VALUE));
        }
        if (earliestExpiry != null && earliestExpiry <= millis) {
            hidden.add(LongField.newRangeQuery(Schema.EXPIRE_AT, Long.MIN_VALUE, millis));
        }
        if (!visibility.includeDrafts() && hasDrafts) {
            hidden.add(new TermQuery(new Term(Schema.DRAFT, Schema.DRAFT_VALUE)));
        }
        if (hidden.isEmpty()) {
            return null;
        }
        if (hidden.size() == 1) {
            return hidden.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        hidden.forEach(query -> any.add(query, Occur.SHOULD));
        return any.build();
    }

    /** The query without the hidden articles; the query itself when nothing is hidden. Scores are unchanged. */
    static Query visible(Query query, Query hidden) {
        if (hidden == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(hidden, Occur.MUST_NOT).build();
    }

    /** Every article shown at this moment. */
    Query allVisibleAt(Instant now, Visibility visibility) {
        return visible(new MatchAllDocsQuery(), hiddenAt(now, visibility));
    }
}

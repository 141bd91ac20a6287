package kensaku.search.plan;

import java.util.Map;
import kensaku.index.Schema;

/**
 * How a query part is weighed in each field, shared by both backends so the embedded index and a cluster rank
 * alike (docs/RELEVANCE.md measures these numbers). Title and labels (tags, companies) weigh more than body;
 * bigram views weigh less than morphological ones because they also match across word boundaries.
 */
public final class Ranking {
    /** The best field of a part counts whole, each other field that matches adds this share of its score. */
    public static final float TIE_BREAKER = 0.2f;
    /** Query words this many positions apart or closer still count as near each other. */
    public static final int PROXIMITY_SLOP = 8;
    /** Words of the query close together in the title or body score extra: usually they are about one thing. */
    /**
     * Longer queries get no proximity clause: company names expand to synonyms, and a phrase of n of them is 2^n
     * phrases to Lucene, which passes the 1,024-clause limit at ten. A long query is rarely a sentence anyway.
     */
    public static final int PROXIMITY_MAX_WORDS = 8;
    public static final Map<String, Float> PROXIMITY_FIELDS = Map.of(Schema.TITLE, 1.5f, Schema.BODY, 0.5f);
    public static final Map<String, Float> MORPHOLOGICAL_FIELDS = Map.of(
            Schema.TITLE, 3.0f, Schema.LABELS, 2.0f, Schema.EXCERPT, 1.5f, Schema.BODY, 1.0f);
    public static final Map<String, Float> BIGRAM_FIELDS = Map.of(
            Schema.TITLE_BIGRAM, 1.5f, Schema.EXCERPT_BIGRAM, 0.75f, Schema.BODY_BIGRAM, 0.5f);

    private Ranking() {}
}

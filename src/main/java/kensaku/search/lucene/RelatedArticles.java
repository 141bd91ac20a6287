package kensaku.search.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kensaku.index.Schema;
import kensaku.search.SearchBackend;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * "More like this" over the morphological title, excerpt and body: the article's most distinctive words (by tf-idf)
 * become one query, and the article itself is excluded. Morphological rather than bigram terms, because a word
 * (データセンター, 基盤モデル) says what an article is about where a bigram (タセ) does not.
 */
final class RelatedArticles {
    static final int MAX_SIZE = SearchBackend.MAX_RELATED;
    private static final String[] FIELDS = {Schema.TITLE, Schema.EXCERPT, Schema.BODY};

    private final Analyzer morphological;

    RelatedArticles(Analyzer morphological) {
        this.morphological = morphological;
    }

    /** The fields' stored text, the body decoded from its UTF-16 bytes, which {@code like(docId)} would skip. */
    private static Map<String, Collection<Object>> storedValues(IndexReader reader, int docId) throws IOException {
        Document doc = reader.storedFields().document(docId, Set.of(FIELDS));
        Map<String, Collection<Object>> values = new HashMap<>();
        for (String field : FIELDS) {
            String text = Schema.storedText(doc, field);
            values.put(field, text == null ? List.of() : List.of(text));
        }
        return values;
    }

    Query query(IndexReader reader, int docId, String id) throws IOException {
        MoreLikeThis like = new MoreLikeThis(reader);
        like.setAnalyzer(morphological);
        like.setFieldNames(FIELDS);
        // News articles are short: a word said once is already a signal, and a word no other article has
        // cannot find anything.
        like.setMinTermFreq(1);
        like.setMinDocFreq(2);
        // One-character words (株, 米, 社) are too vague to relate two articles.
        like.setMinWordLen(2);
        // Words most articles share (AI, 発表, 企業) relate everything to everything.
        like.setMaxDocFreqPct(40);
        like.setMaxQueryTerms(30);
        like.setBoost(true);
        return new BooleanQuery.Builder()
                .add(like.like(storedValues(reader, docId)), Occur.MUST)
                .add(new TermQuery(new Term(Schema.ID, id)), Occur.MUST_NOT)
                .build();
    }
}

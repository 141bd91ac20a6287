package kensaku.search.highlight;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * One segment as the highlighter reads it for one page: a single postings enum per term, moved forward across the
 * page's hits in document order, where Lucene's {@code Weight.matches} opens a new one (and walks its skip data
 * from the start) for every hit and every clause that names the term. That was about a tenth of a search's CPU and
 * the largest share of what it allocated.
 *
 * <p>Each request for a term's positions gets a view of the shared enum that replays the hit's positions and
 * offsets, so two clauses with the same term see the same positions. A view knows only the hit being marked
 * ({@link #markingHit}): asked to move past it, it says there is nothing more, which for a question about that one
 * hit is the same answer, and keeps the shared enum from running ahead of the next hit.
 */
final class PagePostingsReader extends FilterLeafReader {
    private final Map<String, Map<BytesRef, SharedPostings>> shared = new HashMap<>();
    private int hit = -1;

    PagePostingsReader(LeafReader in) {
        super(in);
    }

    /** The hit whose matches are asked for next; hits come in increasing document order. */
    void markingHit(int doc) {
        hit = doc;
    }

    @Override
    public Terms terms(String field) throws IOException {
        Terms terms = super.terms(field);
        if (terms == null) {
            return null;
        }
        Map<BytesRef, SharedPostings> byTerm = shared.computeIfAbsent(field, f -> new HashMap<>());
        return new FilterTerms(terms) {
            @Override
            public TermsEnum iterator() throws IOException {
                return new FilterTermsEnum(in.iterator()) {
                    @Override
                    public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
                        if (!PostingsEnum.featureRequested(flags, PostingsEnum.POSITIONS)
                                || PostingsEnum.featureRequested(flags, PostingsEnum.PAYLOADS)) {
                            return in.postings(reuse, flags);
                        }
                        SharedPostings postings = byTerm.get(in.term());
                        if (postings == null) {
                            postings = new SharedPostings(terms, BytesRef.deepCopyOf(in.term()), in.termState());
                            byTerm.put(postings.term, postings);
                        }
                        return postings.view();
                    }
                };
            }
        };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    /** A term's enum and the positions and offsets of the document it is on, read once. */
    private final class SharedPostings {
        private final Terms terms;
        final BytesRef term;
        private final TermState state;
        private PostingsEnum postings;
        /** The largest target the enum was moved to: no document of the term lies between it and the enum's. */
        private int target = -1;
        private int loadedDoc = -1;
        private int freq;
        private int[] positions = new int[8];
        private int[] starts = new int[8];
        private int[] ends = new int[8];

        SharedPostings(Terms terms, BytesRef term, TermState state) throws IOException {
            this.terms = terms;
            this.term = term;
            this.state = state;
            this.postings = open();
        }

        private PostingsEnum open() throws IOException {
            TermsEnum termsEnum = terms.iterator();
            termsEnum.seekExact(term, state);
            return termsEnum.postings(null, PostingsEnum.OFFSETS);
        }

        int advance(int to) throws IOException {
            if (to < target) {
                postings = open(); // asked about an earlier document than before: start again, never guess
                loadedDoc = -1;
            }
            target = Math.max(target, to);
            if (postings.docID() < to) {
                postings.advance(to);
            }
            return postings.docID();
        }

        void load() throws IOException {
            int doc = postings.docID();
            if (loadedDoc == doc) {
                return;
            }
            freq = postings.freq();
            if (positions.length < freq) {
                positions = ArrayUtil.grow(positions, freq);
                starts = ArrayUtil.grow(starts, freq);
                ends = ArrayUtil.grow(ends, freq);
            }
            for (int i = 0; i < freq; i++) {
                positions[i] = postings.nextPosition();
                starts[i] = postings.startOffset();
                ends[i] = postings.endOffset();
            }
            loadedDoc = doc;
        }

        PostingsEnum view() {
            return new View();
        }

        private final class View extends PostingsEnum {
            private int doc = -1;
            private int next;

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() throws IOException {
                return doc == DocIdSetIterator.NO_MORE_DOCS ? doc : advance(doc + 1);
            }

            @Override
            public int advance(int to) throws IOException {
                next = 0;
                doc = to > hit ? DocIdSetIterator.NO_MORE_DOCS : SharedPostings.this.advance(to);
                return doc;
            }

            @Override
            public int freq() throws IOException {
                loadHere();
                return freq;
            }

            @Override
            public int nextPosition() throws IOException {
                loadHere();
                return positions[next++];
            }

            private void loadHere() throws IOException {
                if (doc != postings.docID()) {
                    throw new IllegalStateException("positions of " + term.utf8ToString() + " asked at document " + doc
                            + ", which the shared enum has left for " + postings.docID());
                }
                load();
            }

            @Override
            public int startOffset() {
                return starts[next - 1];
            }

            @Override
            public int endOffset() {
                return ends[next - 1];
            }

            @Override
            public BytesRef getPayload() {
                return null;
            }

            @Override
            public long cost() {
                return postings.cost();
            }
        }
    }
}

package kensaku.search.highlight;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score, the same number to the bit, found without the {@code BytesRefHash} that Lucene's
 * {@link PassageScorer#score} builds for every candidate passage (a 32 KB block each, for the few distinct terms
 * of a sentence: about 3% of a search's CPU and most of what a search allocated). The distinct terms are found by
 * a scan in the order the hash would have numbered them, so the sum runs in the same order.
 */
final class PassageScores extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] docFreqs = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[matches];
        int[] freqInPassage = new int[matches];
        int[] freqInDoc = new int[matches];
        int size = 0;
        for (int i = 0; i < matches; i++) {
            int at = indexOf(distinct, size, terms[i]);
            if (at < 0) {
                at = size++;
                distinct[at] = terms[i];
                freqInDoc[at] = docFreqs[i];
            }
            freqInPassage[at]++;
        }
        double score = 0d;
        for (int i = 0; i < size; i++) {
            score += tf(freqInPassage[i], passage.getLength()) * weight(contentLength, freqInDoc[i]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }

    private static int indexOf(BytesRef[] terms, int size, BytesRef term) {
        for (int i = 0; i < size; i++) {
            if (terms[i].bytesEquals(term)) {
                return i;
            }
        }
        return -1;
    }
}

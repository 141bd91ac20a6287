package kensaku.search.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The cheaper passage score is Lucene's own, bit for bit, on passages of repeated and distinct terms. */
class PassageScoresTest {
    private static final String[] TERMS = {"クラウド", "クラ", "ラウ", "ウド", "書式", "設定", "ai", "投資"};

    @Test
    void scoresEveryPassageExactlyAsLucenesPassageScorerDoes() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer ours = new PassageScores();
        SplittableRandom random = new SplittableRandom(20261202);
        int distinctScores = 0;
        float previous = Float.NaN;
        for (int round = 0; round < 20_000; round++) {
            Passage passage = passage(random);
            int contentLength = passage.getEndOffset() + random.nextInt(20_000);
            float expected = lucene.score(passage, contentLength);
            float actual = ours.score(passage, contentLength);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual), passage + " in " + contentLength);
            if (expected != previous) {
                distinctScores++;
            }
            previous = expected;
        }
        assertTrue(distinctScores > 10_000, "the passages differ enough to tell scorers apart: " + distinctScores);
    }

    @Test
    void aPassageWithoutMatchesScoresNothing() {
        Passage passage = new Passage();
        passage.setStartOffset(0);
        passage.setEndOffset(100);
        assertEquals(new PassageScorer().score(passage, 500), new PassageScores().score(passage, 500));
    }

    /** Matches in offset order, as the highlighter adds them; each term with one frequency in the document. */
    private static Passage passage(SplittableRandom random) {
        Passage passage = new Passage();
        int start = random.nextInt(5_000);
        passage.setStartOffset(start);
        int[] docFreqs = new int[TERMS.length];
        for (int i = 0; i < docFreqs.length; i++) {
            docFreqs[i] = 1 + random.nextInt(40);
        }
        int matches = random.nextInt(1, 16);
        int[] starts = new int[matches];
        int at = start;
        for (int i = 0; i < matches; i++) {
            at += random.nextInt(1, 15);
            starts[i] = at;
        }
        passage.setEndOffset(at + 2 + random.nextInt(120));
        for (int i = 0; i < matches; i++) {
            int term = random.nextInt(random.nextBoolean() ? 2 : TERMS.length);
            passage.addMatch(starts[i], starts[i] + 2, new BytesRef(TERMS[term]), docFreqs[term]);
        }
        return passage;
    }
}

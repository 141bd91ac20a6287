package kensaku.search.scoring;

import java.io.IOException;
import org.apache.lucene.search.Scorer;

/** A scorer that can say, before its score is computed in full, what the score at its document is at most. */
interface ScoreBound {
    /** At least {@link Scorer#score()} at the current (matching) document, and cheaper to find out. */
    float scoreBound() throws IOException;
}

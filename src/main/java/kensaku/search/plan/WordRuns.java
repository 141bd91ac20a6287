package kensaku.search.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import kensaku.search.kana.QueryReadings;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits a run of Japanese typed without spaces at its particles and other stop words: アマゾンの投資 becomes
 * アマゾン and 投資. Japanese writes no spaces, so particles are where a reader sees the word boundaries; a
 * compound without particles (生成AI, 大規模言語モデル) stays one run and keeps matching only as a phrase.
 * Uses the index-side morphological analyzer, whose stop filters leave a position gap where they remove a word.
 */
public final class WordRuns {
    private final Analyzer morphological;

    public WordRuns(Analyzer morphological) {
        this.morphological = morphological;
    }

    /**
     * The runs of the text between removed words, as substrings of the text; one run when nothing was removed. Text
     * all in kana with some hiragana is one run: it is a word typed before the IME converted it (さーばー), and
     * where Kuromoji would cut unconverted kana is a guess (さ ー ば ー).
     */
    public List<String> of(String text) {
        if (QueryReadings.katakanaForm(text) != null) {
            return List.of(text.strip());
        }
        List<String> runs = new ArrayList<>();
        try (TokenStream stream = morphological.tokenStream("", text)) {
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int runStart = -1;
            int runEnd = -1;
            while (stream.incrementToken()) {
                if (runStart >= 0 && increment.getPositionIncrement() > 1) {
                    runs.add(text.substring(runStart, runEnd));
                    runStart = -1;
                }
                if (runStart < 0) {
                    runStart = offset.startOffset();
                }
                runEnd = offset.endOffset();
            }
            stream.end();
            if (runStart >= 0) {
                runs.add(text.substring(runStart, runEnd));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }
}

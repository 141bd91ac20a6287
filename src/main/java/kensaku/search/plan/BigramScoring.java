package kensaku.search.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Whether a query part's bigram clauses score by BM25 or by a constant. When the morphological analyzer reads the
 * part as one word (synonyms stacked on it allowed), that word's own clauses rank the articles that hold it, and the
 * bigram view only has to find what the analyzer cuts differently (the word inside an unknown compound): a constant
 * does that, and spares counting every occurrence of a multi-bigram phrase in every matching body, a quarter of the
 * CPU of a search at 100k articles. When the part is several words (データセンタ cut as データ + センタ), how often
 * the bigrams occur is the best evidence of what the article is about, so they keep their BM25 score.
 * Shared by both backends so they rank alike (docs/RELEVANCE.md, step 10).
 */
public final class BigramScoring {
    private BigramScoring() {}

    /** True when every token of the part stands at one position: one word, perhaps with its synonyms. */
    public static boolean scoresConstant(Analyzer morphologicalQuery, String text) {
        try (TokenStream stream = morphologicalQuery.tokenStream("", text)) {
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            int positions = 0;
            while (stream.incrementToken()) {
                positions += increment.getPositionIncrement();
                if (positions > 1 || length.getPositionLength() > 1) {
                    return false;
                }
            }
            stream.end();
            return positions == 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package kensaku.analysis;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.sinks.TeeSinkTokenFilter;

/**
 * One Kuromoji pass over a text that feeds both Kuromoji views: the morphological view's terms and the reading
 * view's bigrams, the same tokens {@link JapaneseAnalyzers#morphological()} and {@link JapaneseAnalyzers#reading()}
 * make of it, from half the tokenizing. Kuromoji was most of a full build, and the reading view ran it a second time
 * over every body (docs/BENCHMARKS.md, issue 27).
 *
 * <p>Owned by one indexing worker and reused for each of its articles (Kuromoji's buffers are large). The two
 * streams of {@link #of} are consumed in order, the morphological first, as Lucene inverts a document's fields in
 * the order they were added; the reading stream replays the tokens the first one saw.
 */
public final class MorphologyAndReading implements Closeable {
    private final JapaneseTokenizer kuromoji;
    private final TokenStream morphological;
    private final TokenStream reading;

    MorphologyAndReading(UserDictionary userDictionary, CharArraySet stopWords) {
        this.kuromoji = JapaneseAnalyzers.kuromoji(userDictionary);
        TeeSinkTokenFilter tokens = new TeeSinkTokenFilter(kuromoji);
        this.morphological = JapaneseAnalyzers.morphologicalFilters(tokens, stopWords);
        // After the morphological filters are in place: the replayed tokens carry their attributes too.
        this.reading = JapaneseAnalyzers.readingFilters(tokens.newSinkTokenStream());
    }

    /** The two views of one text, as streams to index; each call replaces the previous text. */
    public Views of(String text) {
        try {
            // Lucene closes every stream it inverts, even on failure; a stream left open halfway would otherwise
            // refuse the next text. Closing twice is harmless.
            kuromoji.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        kuromoji.setReader(JapaneseAnalyzers.normalizingReader(new StringReader(text)));
        return new Views(morphological, reading);
    }

    /** The morphological view's stream, then the reading view's (consume in this order). */
    public record Views(TokenStream morphological, TokenStream reading) {
    }

    @Override
    public void close() throws IOException {
        morphological.close();
    }
}

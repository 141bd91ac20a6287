package kensaku.analysis;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The one place the analyzer chains are configured, for index and query time alike.
 *
 * <ul>
 *   <li>Both views first turn dashes typed after kana into ー and drop thousands separators (see
 *       {@link #normalizingReader}).</li>
 *   <li>Morphological: width folding (ＡＩ = AI, ｻｰﾊﾞｰ = サーバー) → Kuromoji in search mode with the user
 *       dictionary, compounds discarded so phrase queries and synonyms work → base forms (投資した = 投資) →
 *       part-of-speech and stop-word removal → katakana long-vowel stemming (サーバー = サーバ) → lower case.</li>
 *   <li>Morphological query side: the same, plus company aliases and the operator's synonyms.txt as synonyms last (エヌビディア finds NVIDIA).</li>
 *   <li>Bigram: width folding → hiragana as katakana → standard tokenizer → long-vowel stemming → lower case → CJK
 *       bigrams; finds parts of katakana compounds Kuromoji keeps whole (コンピューティング in
 *       クラウドコンピューティングリソース), and a word typed in either kana (さーばー finds サーバー).</li>
 *   <li>Kana: the morphological view folds each term's hiragana to katakana after Kuromoji and the stop words (すし =
 *       スシ), so Kuromoji still reads the text as written; the bigram view folds characters before tokenizing. A
 *       folded character stands where the original did: highlights are unchanged.</li>
 *   <li>Readings: no view of the index; Kuromoji's dictionary turned around ({@link ReadingDictionary}) converts a
 *       query typed in kana to the written words it may stand for (はんどうたい → 半導体), only as a fallback
 *       (docs/RELEVANCE.md).</li>
 * </ul>
 */
public final class JapaneseAnalyzers implements Closeable {
    private static final int KATAKANA_STEM_MIN_LENGTH = 4;
    // The rules the two normalizing char filters apply, as patterns: the definition their streaming forms
    // (LongVowelDashCharFilter, ThousandsSeparatorCharFilter) are tested against, output and offsets alike.
    static final Pattern DASH_AFTER_KANA =
            Pattern.compile("[－—―─━](?<=[\\p{IsKatakana}\\p{IsHiragana}ーｰ－—―─━][－—―─━])");
    static final Pattern THOUSANDS_SEPARATOR = Pattern.compile(",(?<=\\d,)(?=\\d{3}(?!\\d))");

    private final AnalysisConfig config;
    private final UserDictionary userDictionary;
    private final CharArraySet stopWords;
    private final Analyzer morphological;
    private final Analyzer morphologicalQuery;
    private final Analyzer bigram;
    private final ReadingDictionary readings;

    /** The files shipped with kensaku, with this gazetteer. */
    public JapaneseAnalyzers(CompanyGazetteer gazetteer) {
        this(AnalysisConfig.builtIn(gazetteer));
    }

    /** The chains fed by an analysis folder's files (see {@link AnalysisFolder}). */
    public JapaneseAnalyzers(AnalysisConfig config) {
        this.config = config;
        this.userDictionary = config.parsedUserDictionary();
        this.stopWords = config.parsedStopWords();
        this.morphological = new Morphological(userDictionary, stopWords, null);
        this.morphologicalQuery = new Morphological(userDictionary, stopWords, synonyms(config, morphological));
        this.bigram = new Bigram();
        this.readings = new ReadingDictionary(config.userDictionary().content());
    }

    /** What these analyzers were built from. */
    public AnalysisConfig config() {
        return config;
    }

    /** Morphological view, index side. */
    public Analyzer morphological() {
        return morphological;
    }

    /** Morphological view, query side: the same chain plus company aliases as synonyms. */
    public Analyzer morphologicalQuery() {
        return morphologicalQuery;
    }

    /** Character-bigram view, index and query side alike. */
    public Analyzer bigram() {
        return bigram;
    }

    /** The kanji words each reading stands for, in the system dictionary and this user dictionary. */
    public ReadingDictionary readings() {
        return readings;
    }

    /** The terms an analyzer makes of a text, in order; for diagnostics and tests. */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public void close() {
        morphological.close();
        morphologicalQuery.close();
        bigram.close();
    }

    /**
     * Before tokenizing: dash-like characters typed for the long-vowel mark after kana (サ－バ－, an IME slip
     * that width folding would otherwise turn into ASCII hyphens) become ー; then width folding; then the
     * thousands separator inside numbers goes, so 1,250億ドル and 1250億ドル are the same term and neither
     * contains 250億ドル.
     */
    static Reader normalizingReader(Reader reader) {
        // Streaming forms of the two patterns (same output, same offsets): the pattern filters buffered every
        // text whole and ran a regular expression over it, 5% of a full build (docs/BENCHMARKS.md, issue 27).
        Reader longVowels = new LongVowelDashCharFilter(reader);
        return new ThousandsSeparatorCharFilter(new CJKWidthCharFilter(longVowels));
    }

    /** Kuromoji as the morphological view runs it: search mode, the user dictionary, punctuation and compounds dropped. */
    static JapaneseTokenizer kuromoji(UserDictionary userDictionary) {
        return new JapaneseTokenizer(userDictionary, true, true, JapaneseTokenizer.Mode.SEARCH);
    }

    /** The morphological view's filters after Kuromoji (index side; the query side adds synonyms). */
    static TokenStream morphologicalFilters(TokenStream kuromoji, CharArraySet stopWords) {
        TokenStream stream = new JapaneseBaseFormFilter(kuromoji);
        stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
        stream = new StopFilter(stream, stopWords);
        stream = new HiraganaToKatakanaFilter(stream);
        stream = new JapaneseKatakanaStemFilter(stream, KATAKANA_STEM_MIN_LENGTH);
        return new LowerCaseFilter(stream);
    }

    /**
     * Every name of a company is equivalent to every other, each analysed by the index chain so entries match
     * tokens exactly. Names the chain cannot turn into a clean token sequence (all stop words, gaps) are left out.
     * The operator's synonyms.txt joins them in the same map (checked line by line by {@link AnalysisFolder}).
     */
    private static SynonymMap synonyms(AnalysisConfig config, Analyzer analyzer) {
        StringBuilder rules = new StringBuilder();
        for (CompanyGazetteer.Company company : config.gazetteer().companies()) {
            Set<String> names = new LinkedHashSet<>();
            names.add(company.canonical());
            names.addAll(company.aliases());
            List<String> usable = names.stream().filter(name -> analysesCleanly(analyzer, name))
                    .map(name -> name.replace(",", "\\,")).toList();
            if (usable.size() > 1) {
                rules.append(String.join(", ", usable)).append('\n');
            }
        }
        return SynonymRules.build(rules.toString(), config.synonyms(), analyzer);
    }

    private static boolean analysesCleanly(Analyzer analyzer, String text) {
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int tokens = 0;
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() != 1) {
                    return false;
                }
                tokens++;
            }
            stream.end();
            return tokens > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static final class Morphological extends Analyzer {
        private final UserDictionary userDictionary;
        private final SynonymMap synonyms;
        private final CharArraySet stopWords;

        Morphological(UserDictionary userDictionary, CharArraySet stopWords, SynonymMap synonyms) {
            this.userDictionary = userDictionary;
            this.stopWords = stopWords;
            this.synonyms = synonyms;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return normalizingReader(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = kuromoji(userDictionary);
            TokenStream stream = morphologicalFilters(tokenizer, stopWords);
            if (synonyms != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    private static final class Bigram extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new HiraganaToKatakanaCharFilter(normalizingReader(reader));
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new JapaneseKatakanaStemFilter(tokenizer, KATAKANA_STEM_MIN_LENGTH);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}

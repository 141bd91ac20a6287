package kensaku.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;

/**
 * The inputs of analysis an operator may change: the Kuromoji user dictionary, the stop words, the synonyms and the
 * company gazetteer, each from the analysis folder or built in. Immutable: a change on disk makes a new config (see
 * {@link AnalysisFolder}), and analyzers built from the old one keep serving until they are switched.
 *
 * @param source what the operator gave: the folder, or "built-in"
 */
public record AnalysisConfig(String source, Text userDictionary, Text stopWords, Text synonyms,
                             CompanyGazetteer gazetteer) {
    /** One file's text and the name that messages give it (its path, or "built-in …"). */
    public record Text(String name, String content) {
        public Text {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    static final String BUILT_IN_USER_DICTIONARY = "/kensaku/analysis/userdict_ja.txt";
    /** Lucene's Japanese stop words, which kensaku has always used. */
    static final String BUILT_IN_STOP_WORDS = "/org/apache/lucene/analysis/ja/stopwords.txt";

    /** The files shipped with kensaku, with this gazetteer (the built-in one, or one given by --companies). */
    public static AnalysisConfig builtIn(CompanyGazetteer gazetteer) {
        return new AnalysisConfig("built-in", builtInUserDictionary(), builtInStopWords(),
                new Text("built-in synonyms", ""), gazetteer);
    }

    /**
     * A config from texts given inline (a cluster index's analyzer settings): the whole gazetteer in its file format
     * (see {@link CompanyGazetteer#toTsv}); a null text means the built-in file.
     */
    public static AnalysisConfig inline(String source, String userDictionary, String stopWords, String synonyms,
                                        String companies) {
        return new AnalysisConfig(source,
                userDictionary == null ? builtInUserDictionary() : new Text(source + " user dictionary", userDictionary),
                stopWords == null ? builtInStopWords() : new Text(source + " stop words", stopWords),
                new Text(source + " synonyms", synonyms == null ? "" : synonyms),
                companies == null ? CompanyGazetteer.builtIn() : CompanyGazetteer.fromTsv(companies, source + " companies"));
    }

    static Text builtInUserDictionary() {
        return new Text("built-in " + BUILT_IN_USER_DICTIONARY, resource(BUILT_IN_USER_DICTIONARY));
    }

    static Text builtInStopWords() {
        return new Text("built-in " + BUILT_IN_STOP_WORDS, resource(BUILT_IN_STOP_WORDS));
    }

    /** Kuromoji's user dictionary, or null when the file holds no entry (Kuromoji then uses none). */
    public UserDictionary parsedUserDictionary() {
        try {
            return UserDictionary.open(new StringReader(userDictionary.content()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(userDictionary.name() + ": " + e.getMessage(), e);
        }
    }

    /** The stop words, one a line, {@code #} starting a comment; compared case-insensitively as Lucene's are. */
    public CharArraySet parsedStopWords() {
        try {
            return CharArraySet.unmodifiableSet(
                    WordlistLoader.getWordSet(new StringReader(stopWords.content()), "#", new CharArraySet(64, true)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an index built with this config records; synonyms are query-time only and not part of it. */
    public AnalysisFingerprint fingerprint() {
        StringBuilder companies = new StringBuilder();
        for (CompanyMatcher.Alias alias : gazetteer.aliases()) {
            companies.append(alias.canonical()).append('\t').append(alias.name()).append('\t')
                    .append(alias.exactCase()).append('\n');
        }
        // Labels are looked up at query time, never indexed: renaming one needs no reindex.
        return AnalysisFingerprint.of(userDictionary.content(), stopWords.content(), companies.toString());
    }

    /**
     * This config with the index-time files (user dictionary, stop words) of another: what a server keeps analysing
     * queries with while its index still holds the other's terms, so that queries and index never disagree.
     */
    public AnalysisConfig withIndexTimeFilesOf(AnalysisConfig other) {
        return new AnalysisConfig(source, other.userDictionary, other.stopWords, synonyms, gazetteer);
    }

    /** Whether the other config's query-time parts and index-time parts are exactly this one's. */
    public boolean sameAs(AnalysisConfig other) {
        return userDictionary.equals(other.userDictionary) && stopWords.equals(other.stopWords)
                && synonyms.equals(other.synonyms) && fingerprint().equals(other.fingerprint())
                && gazetteer.companies().equals(other.gazetteer.companies());
    }

    private static String resource(String name) {
        try (InputStream in = AnalysisConfig.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

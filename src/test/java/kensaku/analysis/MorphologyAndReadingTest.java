package kensaku.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.TestUtil;

/**
 * One Kuromoji pass feeding both views gives, token for token, what the two analyzers give on their own: term,
 * offsets, position increment and length, type, and the final offset; across many texts through one reused pass,
 * including after a text that was set and never read, or read halfway and never closed.
 */
public class MorphologyAndReadingTest extends BaseTokenStreamTestCase {
    private static final Path ARTICLES = Path.of("src/test/resources/relevance/corpus");

    public void testTheArticlesOfTheRelevanceCorpusAnalyseAlike() throws Exception {
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
             MorphologyAndReading pass = analyzers.newMorphologyAndReading()) {
            List<String> texts = articleTexts();
            assertTrue("the corpus is there", texts.size() > 20);
            for (String text : texts) {
                assertSameAsTheAnalyzers(analyzers, pass, text);
            }
        }
    }

    public void testRandomJapaneseTextAnalysesAlikeThroughOneReusedPass() throws Exception {
        Random random = random();
        List<String> sentences = new ArrayList<>();
        for (String text : articleTexts()) {
            sentences.addAll(List.of(text.split("(?<=。)")));
        }
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
             MorphologyAndReading pass = analyzers.newMorphologyAndReading()) {
            for (int i = 0; i < 300 * RANDOM_MULTIPLIER; i++) {
                StringBuilder text = new StringBuilder();
                int parts = random.nextInt(6);
                for (int p = 0; p < parts; p++) {
                    text.append(random.nextInt(4) == 0
                            ? TestUtil.randomRealisticUnicodeString(random, 20)
                            : sentences.get(random.nextInt(sentences.size())));
                    text.append(random.nextBoolean() ? "" : "\n");
                }
                if (random.nextInt(10) == 0) {
                    pass.of("読まれずに終わる本文"); // set and never consumed
                }
                if (random.nextInt(10) == 0) {
                    TokenStream abandoned = pass.of("途中で止まる本文").morphological(); // read halfway, never closed
                    abandoned.reset();
                    abandoned.incrementToken();
                }
                assertSameAsTheAnalyzers(analyzers, pass, text.toString());
            }
        }
    }

    public void testHiraganaNumbersAndDashesAnalyseAlike() throws Exception {
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
             MorphologyAndReading pass = analyzers.newMorphologyAndReading()) {
            for (String text : List.of("", "。", "はんどうたいのじゅよう", "サ－バ－を1,250億ドルで増強した",
                    "ＮＶＩＤＩＡの𠮷野家ｻｰﾊﾞｰ", "関西国際空港、東京スカイツリー")) {
                assertSameAsTheAnalyzers(analyzers, pass, text);
            }
        }
    }

    private static void assertSameAsTheAnalyzers(JapaneseAnalyzers analyzers, MorphologyAndReading pass, String text)
            throws IOException {
        MorphologyAndReading.Views views = pass.of(text);
        List<String> morphological = tokens(views.morphological()); // consumed first, as the indexer does
        List<String> reading = tokens(views.reading());
        assertEquals(text, tokens(analyzers.morphological(), text), morphological);
        assertEquals(text, tokens(analyzers.reading(), text), reading);
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        return tokens(analyzer.tokenStream("body", text));
    }

    /** Every attribute the index keeps of each token, and the final offset. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +"
                        + increment.getPositionIncrement() + " /" + length.getPositionLength() + " " + type.type());
            }
            stream.end();
            tokens.add("end " + offset.endOffset() + " +" + increment.getPositionIncrement());
        }
        return tokens;
    }

    private static List<String> articleTexts() throws IOException {
        try (Stream<Path> files = Files.list(ARTICLES)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            return texts;
        }
    }
}

package kensaku.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JapaneseAnalyzersTest {
    private final JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());

    @AfterAll
    void close() {
        analyzers.close();
    }

    private List<String> morph(String text) {
        return JapaneseAnalyzers.terms(analyzers.morphological(), "body", text);
    }

    private List<String> query(String text) {
        return JapaneseAnalyzers.terms(analyzers.morphologicalQuery(), "body", text);
    }

    private List<String> bigram(String text) {
        return JapaneseAnalyzers.terms(analyzers.bigram(), "body_bg", text);
    }

    @Test
    void fullWidthLatinFoldsToHalfWidthLowerCase() {
        assertEquals(morph("AI"), morph("ＡＩ"));
        assertEquals(List.of("ai"), morph("ＡＩ"));
        assertEquals(bigram("AI"), bigram("ＡＩ"));
    }

    @Test
    void halfWidthKatakanaFoldsToFullWidth() {
        assertEquals(morph("サーバー"), morph("ｻｰﾊﾞｰ"));
        assertEquals(bigram("サーバー"), bigram("ｻｰﾊﾞｰ"));
    }

    @Test
    void katakanaLongVowelIsStemmed() {
        assertEquals(List.of("サーバ"), morph("サーバー"));
        assertEquals(morph("サーバ"), morph("サーバー"));
        assertEquals(morph("コンピュータ"), morph("コンピューター"));
    }

    @Test
    void dashesTypedForTheLongVowelMarkAfterKanaAreTheLongVowelMark() {
        assertEquals(morph("サーバー"), morph("サ－バ－"));
        assertEquals(morph("サーバー"), morph("サ―バ―"));
        assertEquals(bigram("サーバー"), bigram("サ－バ－"));
        assertEquals(List.of("a", "b"), morph("A－B"), "a dash between Latin letters stays a separator");
    }

    @Test
    void theNormalizingPatternsReplaceWhatTheirPlainLookBehindFormsReplace() {
        Pattern dashAfterKana = Pattern.compile("(?<=[\\p{IsKatakana}\\p{IsHiragana}ーｰ－—―─━])[－—―─━]");
        Pattern thousands = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
        String alphabet = "サバあいーｰ－—―─━-1234,A漢 ";
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(1, 12); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String sample = text.toString();
            assertEquals(dashAfterKana.matcher(sample).replaceAll("ー"),
                    JapaneseAnalyzers.DASH_AFTER_KANA.matcher(sample).replaceAll("ー"), sample);
            assertEquals(thousands.matcher(sample).replaceAll(""),
                    JapaneseAnalyzers.THOUSANDS_SEPARATOR.matcher(sample).replaceAll(""), sample);
        }
    }

    @Test
    void thousandsSeparatorsInNumbersAreDropped() {
        assertEquals(morph("1250億ドル"), morph("1,250億ドル"));
        assertEquals(morph("1250億ドル"), morph("１，２５０億ドル"));
        assertEquals(bigram("1250億ドル"), bigram("1,250億ドル"));
        assertFalse(morph("1,250億ドル").contains("250"), morph("1,250億ドル").toString());
        assertTrue(morph("12,34").contains("12") && morph("12,34").contains("34"), "not a thousands group");
    }

    @Test
    void inflectedVerbsReduceToTheirBaseForm() {
        assertEquals(List.of("投資"), morph("投資した"));
        assertTrue(morph("発表しました").contains("発表"), morph("発表しました").toString());
        assertEquals(morph("走る"), morph("走った"));
    }

    @Test
    void particlesAndAuxiliariesAreDropped() {
        List<String> terms = morph("アマゾンがデータセンターに投資する");
        assertFalse(terms.contains("が") || terms.contains("に"), terms.toString());
        assertTrue(terms.contains("データ") || terms.contains("データセンタ"), terms.toString());
    }

    @Test
    void userDictionaryKeepsFieldTermsTogetherAndSearchableByParts() {
        assertEquals(List.of("生成", "ai"), morph("生成AI"));
        assertEquals(List.of("基盤", "モデル"), morph("基盤モデル"));
        assertEquals(List.of("機械", "学習"), morph("機械学習"));
        assertEquals(List.of("trainium"), morph("Trainium"));
        assertEquals(List.of("bedrock"), morph("Bedrock"));
    }

    @Test
    void searchModeSplitsLongKanjiCompoundsWithoutKeepingTheWholeAsAnExtraToken() {
        List<String> terms = morph("関西国際空港");
        assertEquals(List.of("関西", "国際", "空港"), terms);
    }

    @Test
    void querySideAddsCompanyAliasesAsSynonyms() {
        List<String> terms = query("エヌビディア");
        assertTrue(terms.contains("nvidia"), terms.toString());
        assertTrue(query("アマゾン").contains("amazon"), query("アマゾン").toString());
        assertTrue(query("Anthropic").contains("アンソロピック"), query("Anthropic").toString());
        assertFalse(morph("エヌビディア").contains("nvidia"), "the index side stores what the text says");
    }

    @Test
    void bigramsCoverPartsOfKatakanaRunsKuromojiKeepsWhole() {
        List<String> whole = bigram("クラウドコンピューティングリソース");
        for (String part : bigram("コンピューティング")) {
            assertTrue(whole.contains(part), part + " in " + whole);
        }
        assertEquals(List.of("生成", "ai"), bigram("生成AI"));
    }

    @Test
    void bigramsOfLatinTextAreWordsNotCharacterPairs() {
        assertEquals(List.of("nvidia", "h100"), bigram("NVIDIA H100"));
    }
}

package kensaku.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis folder: each file changes what the chains do, a bad line is named by file and line. */
class AnalysisFolderTest {
    @TempDir
    Path folder;

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private AnalysisConfig load() throws Exception {
        return new AnalysisFolder(folder, null, false).load();
    }

    private static List<String> queryTerms(AnalysisConfig config, String text) {
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(config)) {
            return JapaneseAnalyzers.terms(analyzers.morphologicalQuery(), "body", text);
        }
    }

    private static List<String> indexTerms(AnalysisConfig config, String text) {
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(config)) {
            return JapaneseAnalyzers.terms(analyzers.morphological(), "body", text);
        }
    }

    @Test
    void anEmptyFolderIsWhatKensakuShips() throws Exception {
        AnalysisConfig fromFolder = load();
        AnalysisConfig builtIn = AnalysisConfig.builtIn(CompanyGazetteer.builtIn());
        assertEquals(builtIn.fingerprint(), fromFolder.fingerprint());
        assertEquals(builtIn.fingerprint(), AnalysisFolder.builtIn().load().fingerprint());
        assertEquals(indexTerms(builtIn, "生成AIへの投資が増えた"), indexTerms(fromFolder, "生成AIへの投資が増えた"));
    }

    @Test
    void synonymsAreEquivalencesAndOneWayRulesAtQueryTimeOnly() throws Exception {
        write(AnalysisFolder.SYNONYMS, "# 同義語\nセミコンダクター, 半導体\nケータイ => 携帯電話\n");
        AnalysisConfig config = load();
        // Kuromoji splits セミコンダクター into セミ コンダクタ: the rule is a two-word side, as Lucene's graph allows.
        assertTrue(queryTerms(config, "セミコンダクター").containsAll(List.of("セミ", "コンダクタ", "半導体")),
                queryTerms(config, "セミコンダクター").toString());
        assertTrue(queryTerms(config, "半導体").containsAll(List.of("セミ", "コンダクタ")), "equivalences go both ways");
        List<String> oneWay = queryTerms(config, "ケータイ");
        assertTrue(oneWay.containsAll(List.of("携帯", "電話")) && !oneWay.contains("ケータイ"), oneWay.toString());
        assertFalse(queryTerms(config, "携帯電話").contains("ケータイ"), "a one-way rule does not go back");
        assertEquals(List.of("半導体"), indexTerms(config, "半導体"), "the index side has no synonyms");
        assertEquals(AnalysisConfig.builtIn(CompanyGazetteer.builtIn()).fingerprint(), config.fingerprint(),
                "synonyms never reach the index, so they need no reindex");
    }

    @Test
    void theUserDictionaryKeepsAWordWholeAndIsPartOfTheFingerprint() throws Exception {
        AnalysisConfig before = load();
        List<String> split = indexTerms(before, "マルチモーダルな検索");
        write(AnalysisFolder.USER_DICTIONARY, "マルチモーダル,マルチモーダル,マルチモーダル,カスタム名詞\n");
        AnalysisConfig after = load();
        assertTrue(indexTerms(after, "マルチモーダルな検索").contains("マルチモーダル"),
                split + " → " + indexTerms(after, "マルチモーダルな検索"));
        assertEquals(List.of(AnalysisFolder.USER_DICTIONARY), after.fingerprint().changedSince(before.fingerprint()));
    }

    @Test
    void stopWordsReplaceTheBuiltInOnes() throws Exception {
        write(AnalysisFolder.STOP_WORDS, "# 自社サイトでは意味のない語\n速報\n");
        AnalysisConfig config = load();
        assertFalse(indexTerms(config, "速報 投資").contains("速報"));
        assertTrue(indexTerms(config, "速報 投資").contains("投資"));
        assertEquals(List.of(AnalysisFolder.STOP_WORDS),
                config.fingerprint().changedSince(AnalysisConfig.builtIn(CompanyGazetteer.builtIn()).fingerprint()));
    }

    @Test
    void theFoldersGazetteerExtendsTheBuiltInOneAndCompaniesWins() throws Exception {
        write(AnalysisFolder.COMPANIES, "Sakura Internet\tさくらインターネット|SAKURA\tさくらインターネット\n");
        AnalysisConfig config = load();
        assertTrue(config.gazetteer().companiesIn("さくらインターネットとNVIDIAが提携").containsAll(
                List.of("Sakura Internet", "NVIDIA")));
        assertTrue(queryTerms(config, "さくらインターネット").contains("sakura"), "aliases are query-time synonyms");
        assertEquals(List.of(AnalysisFolder.COMPANIES),
                config.fingerprint().changedSince(AnalysisConfig.builtIn(CompanyGazetteer.builtIn()).fingerprint()));

        Path own = Files.writeString(folder.resolveSibling("own.tsv"), "Kensaku Inc\tケンサク\n", StandardCharsets.UTF_8);
        AnalysisConfig replaced = new AnalysisFolder(folder, own, true).load();
        assertEquals(List.of("Kensaku Inc"), replaced.gazetteer().companies().stream()
                .map(CompanyGazetteer.Company::canonical).toList(), "--companies wins over the folder's file");
    }

    @Test
    void theExamplesOfTheDocsLoadAndWork() throws Exception {
        // docs/RELEVANCE.md, 検索の調整: copied as written there.
        write(AnalysisFolder.SYNONYMS, """
                # 同じものの別の書き方：どれで検索しても全部見つかる
                スマホ, スマートフォン, スマートホン
                セミコンダクター, 半導体
                # 一方向：「ケータイ」で検索すると「携帯電話」を探す（「携帯電話」では「ケータイ」を探さない）
                ケータイ => 携帯電話
                # 元の語も残すなら右側にも書く
                ジェンAI => ジェンAI, 生成AI
                """);
        write(AnalysisFolder.USER_DICTIONARY, """
                マルチモーダル,マルチモーダル,マルチモーダル,カスタム名詞
                ファインチューニング,ファイン チューニング,ファイン チューニング,カスタム名詞
                """);
        AnalysisConfig config = load();
        assertTrue(queryTerms(config, "ｽﾏﾎ").containsAll(List.of("スマート", "フォン")), queryTerms(config, "ｽﾏﾎ").toString());
        assertTrue(queryTerms(config, "ジェンAI").containsAll(List.of("ジェン", "生成")), queryTerms(config, "ジェンAI").toString());
        assertTrue(indexTerms(config, "ファインチューニングした").containsAll(List.of("ファイン", "チューニング")));
    }

    @Test
    void aBadSynonymLineIsNamedByFileAndLine() throws Exception {
        write(AnalysisFolder.SYNONYMS, "セミコンダクター, 半導体\n\na => b => c\n");
        InvalidAnalysisFileException e = assertThrows(InvalidAnalysisFileException.class, this::load);
        assertEquals(folder.resolve(AnalysisFolder.SYNONYMS).toString(), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(folder.resolve(AnalysisFolder.SYNONYMS) + ":3: "), e.getMessage());

        write(AnalysisFolder.SYNONYMS, "の, が\n");
        assertEquals(1, assertThrows(InvalidAnalysisFileException.class, this::load).line(),
                "a rule whose words the chain removes entirely is refused, not silently empty");
    }

    @Test
    void aBadDictionaryOrGazetteerLineIsNamedByFileAndLine() throws Exception {
        write(AnalysisFolder.USER_DICTIONARY, "# 辞書\n生成AI,生成 AI,セイセイ エーアイ,カスタム名詞\n大規模言語モデル,大規模 言語 モデル,ダイキボ,カスタム名詞\n");
        InvalidAnalysisFileException dictionary = assertThrows(InvalidAnalysisFileException.class, this::load);
        assertEquals(3, dictionary.line(), dictionary.getMessage());
        assertTrue(dictionary.file().endsWith(AnalysisFolder.USER_DICTIONARY));
        Files.delete(folder.resolve(AnalysisFolder.USER_DICTIONARY));

        write(AnalysisFolder.COMPANIES, "Good\tgood\nonly-one-column\n");
        InvalidAnalysisFileException gazetteer = assertThrows(InvalidAnalysisFileException.class, this::load);
        assertEquals(2, gazetteer.line(), gazetteer.getMessage());
        assertTrue(gazetteer.file().endsWith(AnalysisFolder.COMPANIES));
    }

    @Test
    void theStampChangesWithAnyFileEvenAtTheSameSize() throws Exception {
        AnalysisFolder watched = new AnalysisFolder(folder, null, false);
        String empty = watched.stamp();
        write(AnalysisFolder.SYNONYMS, "a, b\n");
        String first = watched.stamp();
        assertNotEquals(empty, first);
        write(AnalysisFolder.SYNONYMS, "a, c\n");
        assertNotEquals(first, watched.stamp(), "same size, maybe the same mtime: the content decides");
        assertEquals(watched.stamp(), watched.stamp());
    }
}

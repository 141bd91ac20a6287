package kensaku.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.AnalysisFolder;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.ArticleReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index records the analysis it was built with; a build under another user dictionary, other stop words or
 * another gazetteer re-analyses every article (an incremental one would leave the unchanged ones with old terms),
 * while a synonym change, which never reaches the index, keeps the build incremental.
 */
class AnalysisChangeIndexTest {
    @TempDir
    Path temp;
    Path corpus;
    Path index;
    Path analysis;

    @BeforeEach
    void firstBuild() throws Exception {
        corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        index = temp.resolve("index");
        analysis = Files.createDirectories(temp.resolve("analysis"));
        IndexReport first = build();
        assertFalse(first.incremental());
        assertEquals(List.of(), first.analysisChanged(), "no live index: nothing to compare with");
    }

    private IndexReport build() throws Exception {
        AnalysisConfig config = new AnalysisFolder(analysis, null, false).load();
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(config)) {
            return new Indexer(new Schema(IndexFixtures.TOKYO), analyzers, config.gazetteer(),
                    new ArticleReader(IndexFixtures.TOKYO), 2).build(corpus, new IndexDirectory(index), IndexProgress.SILENT);
        }
    }

    private Path live() throws IOException {
        return new IndexDirectory(index).live().orElseThrow();
    }

    @Test
    void theCommitRecordsTheAnalysisFingerprint() throws Exception {
        AnalysisConfig config = new AnalysisFolder(analysis, null, false).load();
        assertEquals(config.fingerprint(), IndexedAnalysis.of(live()));
        assertEquals(List.of(), IndexedAnalysis.changed(live(), config.fingerprint()));
    }

    @Test
    void synonymsKeepTheBuildIncremental() throws Exception {
        Files.writeString(analysis.resolve(AnalysisFolder.SYNONYMS), "セミコンダクター, 半導体\n", StandardCharsets.UTF_8);
        IndexReport second = build();
        assertTrue(second.incremental());
        assertEquals(0, second.indexed());
    }

    @Test
    void aNewUserDictionaryRebuildsEveryArticleThenIncrementalAgain() throws Exception {
        // 半導体 is one word to Kuromoji; a dictionary entry that splits it changes the terms of unchanged articles.
        Files.writeString(analysis.resolve(AnalysisFolder.USER_DICTIONARY),
                "半導体,半 導体,ハン ドウタイ,カスタム名詞\n", StandardCharsets.UTF_8);
        assertEquals(List.of(AnalysisFolder.USER_DICTIONARY),
                IndexedAnalysis.changed(live(), new AnalysisFolder(analysis, null, false).load().fingerprint()));
        assertTrue(count("body", "半導体") > 0);

        IndexReport second = build();
        assertFalse(second.incremental());
        assertEquals(List.of(AnalysisFolder.USER_DICTIONARY), second.analysisChanged());
        assertEquals(5, second.indexed(), "every article analysed again, none carried over");
        assertEquals(0, count("body", "半導体"), "no article keeps the old terms");
        assertTrue(count("body", "導体") > 0);

        IndexReport third = build();
        assertTrue(third.incremental(), "the index now matches the folder");
        assertEquals(0, third.indexed());
    }

    @Test
    void stopWordsAndTheGazetteerAreIndexTimeToo() throws Exception {
        Files.writeString(analysis.resolve(AnalysisFolder.STOP_WORDS), "速報\n", StandardCharsets.UTF_8);
        Files.writeString(analysis.resolve(AnalysisFolder.COMPANIES), "Kensaku Inc\tケンサク\n", StandardCharsets.UTF_8);
        IndexReport second = build();
        assertFalse(second.incremental());
        assertEquals(List.of(AnalysisFolder.STOP_WORDS, AnalysisFolder.COMPANIES), second.analysisChanged());
    }

    private int count(String field, String term) throws IOException {
        try (FSDirectory dir = FSDirectory.open(live()); DirectoryReader reader = DirectoryReader.open(dir)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(field, term)));
        }
    }
}

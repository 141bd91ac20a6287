package kensaku.search.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.AnalysisFolder;
import kensaku.analysis.CompanyGazetteer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which configuration analyses queries while the folder and the served index disagree. */
class AnalysisReloadTest {
    @TempDir
    Path folder;

    @Test
    void queriesKeepTheIndexTimeFilesOfTheServedIndexUntilItIsRebuilt() throws Exception {
        AnalysisConfig builtIn = AnalysisConfig.builtIn(CompanyGazetteer.builtIn());
        Files.writeString(folder.resolve(AnalysisFolder.USER_DICTIONARY), "半導体,半 導体,ハン ドウタイ,カスタム名詞\n",
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(AnalysisFolder.SYNONYMS), "セミコンダクター, 半導体\n", StandardCharsets.UTF_8);
        AnalysisConfig edited = new AnalysisFolder(folder, null, false).load();

        AnalysisConfig beforeReindex = AnalysisReload.forQueries(edited, builtIn, builtIn.fingerprint());
        assertEquals(builtIn.userDictionary(), beforeReindex.userDictionary(), "the index still holds the old terms");
        assertEquals(edited.synonyms(), beforeReindex.synonyms(), "synonyms apply at once");

        assertSame(edited, AnalysisReload.forQueries(edited, beforeReindex, edited.fingerprint()),
                "once an index built with the new dictionary is served, queries use it too");
        assertSame(edited, AnalysisReload.forQueries(edited, builtIn, null), "an index that cannot tell: the folder's");
    }
}

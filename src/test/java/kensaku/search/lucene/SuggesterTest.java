package kensaku.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import kensaku.search.Suggestion;

/** Title suggestions come from doc values; after an incremental reindex they follow the live articles only. */
class SuggesterTest {
    @TempDir
    Path temp;

    @Test
    void titlesFollowChangedAndRemovedArticlesAfterAnIncrementalReindex() throws IOException {
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        Path index = temp.resolve("index");
        IndexFixtures.build(corpus, index);
        Files.writeString(corpus.resolve("002_c04c9c3010fcc63b.txt"),
                "---\ntitle: 改題された記事\ndate: 2026-03-01\n---\n\n本文。\n", StandardCharsets.UTF_8);
        Files.delete(corpus.resolve("004_82b3f670182a709f.txt"));
        IndexFixtures.build(corpus, index);

        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(IndexFixtures.TOKYO);
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer);
             LiveIndex live = new LiveIndex(new IndexDirectory(index), schema, Duration.ofHours(1))) {
            SearchService service = new SearchService(live, schema, analyzers, gazetteer);
            List<Suggestion> renamed = service.suggest("改題", 5);
            assertEquals(1, renamed.size(), renamed.toString());
            assertEquals("002_c04c9c3010fcc63b.txt", renamed.get(0).id());
            assertEquals("title", renamed.get(0).kind());
            assertTrue(service.suggest("Amazon、AWS", 5).stream().noneMatch(s -> "002_c04c9c3010fcc63b.txt".equals(s.id())),
                    "the old title is gone");
            assertTrue(service.suggest("アマゾンが米政府", 5).isEmpty(), "the removed article's title is gone");
            assertTrue(service.suggest("awsの収益", 5).get(0).text().startsWith("AWSの収益が13四半期ぶり"),
                    "an unchanged title, reached by its folded prefix");
        }
    }
}

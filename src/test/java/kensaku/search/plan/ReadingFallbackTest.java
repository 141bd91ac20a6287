package kensaku.search.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import kensaku.search.InterpretedQuery;
import org.junit.jupiter.api.Test;

class ReadingFallbackTest {
    /** As the pipeline asks: the query with its parse, which the planner made. */
    private static List<InterpretedQuery> alternatives(String query) {
        return ReadingFallback.alternatives(query, UserQuery.parse(query));
    }

    private static InterpretedQuery reading(String query) {
        return new InterpretedQuery(InterpretedQuery.READING, query);
    }

    private static InterpretedQuery romaji(String query) {
        return new InterpretedQuery(InterpretedQuery.ROMAJI, query);
    }

    @Test
    void kanaIsTriedAsAReading() {
        assertEquals(List.of(reading("はんどうたい")), alternatives("はんどうたい"));
        assertEquals(List.of(reading("ハンドウタイ 投資")), alternatives("ハンドウタイ 投資"));
        assertEquals(List.of(), alternatives("半導体 投資"), "nothing typed in kana: no reading");
    }

    @Test
    void lowerCaseLatinWordsAreTriedAsRomajiAsTypedThenWithLongVowels() {
        assertEquals(List.of(romaji("ぐうぐる"), romaji("ぐーぐる")), alternatives("guuguru"));
        assertEquals(List.of(romaji("はんどうたい"), romaji("はんどーたい")), alternatives("handoutai"));
        assertEquals(List.of(romaji("NVIDIA けっさん")), alternatives("NVIDIA kessan"),
                "a capitalised word is a name, not romaji");
        assertEquals(List.of(romaji("じてん")), alternatives("jiten"), "a final n is ん on Enter");
    }

    @Test
    void englishAndMisspeltLatinIsNotRomaji() {
        assertEquals(List.of(), alternatives("Bedrok"));
        assertEquals(List.of(), alternatives("bedrok"), "ends in a consonant that makes no syllable");
        assertEquals(List.of(), alternatives("keyboard"));
        assertEquals(List.of(), alternatives("x"));
    }

    @Test
    void onlyPartsAllInKanaWithHiraganaHaveAKatakanaForm() {
        assertEquals("アンソロピック", QueryReadings.katakanaForm("あんそろぴっく"));
        assertEquals("サーバー", QueryReadings.katakanaForm("さーばー"));
        assertNull(QueryReadings.katakanaForm("サーバー"), "already katakana");
        assertNull(QueryReadings.katakanaForm("アマゾンの投資"), "kanji: Kuromoji reads it as written");
        assertEquals("アマゾン", QueryReadings.asWritten("あまぞん"));
        assertEquals("投資", QueryReadings.asWritten("投資"));
    }
}

package kensaku.search.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import kensaku.search.InterpretedQuery;
import org.junit.jupiter.api.Test;

class ReadingFallbackTest {
    private static InterpretedQuery reading(String query) {
        return new InterpretedQuery(InterpretedQuery.READING, query);
    }

    private static InterpretedQuery romaji(String query) {
        return new InterpretedQuery(InterpretedQuery.ROMAJI, query);
    }

    @Test
    void kanaIsTriedAsAReading() {
        assertEquals(List.of(reading("はんどうたい")), ReadingFallback.alternatives("はんどうたい"));
        assertEquals(List.of(reading("ハンドウタイ 投資")), ReadingFallback.alternatives("ハンドウタイ 投資"));
        assertEquals(List.of(), ReadingFallback.alternatives("半導体 投資"), "nothing typed in kana: no reading");
    }

    @Test
    void lowerCaseLatinWordsAreTriedAsRomajiAsTypedThenWithLongVowels() {
        assertEquals(List.of(romaji("ぐうぐる"), romaji("ぐーぐる")), ReadingFallback.alternatives("guuguru"));
        assertEquals(List.of(romaji("はんどうたい"), romaji("はんどーたい")), ReadingFallback.alternatives("handoutai"));
        assertEquals(List.of(romaji("NVIDIA けっさん")), ReadingFallback.alternatives("NVIDIA kessan"),
                "a capitalised word is a name, not romaji");
        assertEquals(List.of(romaji("じてん")), ReadingFallback.alternatives("jiten"), "a final n is ん on Enter");
    }

    @Test
    void englishAndMisspeltLatinIsNotRomaji() {
        assertEquals(List.of(), ReadingFallback.alternatives("Bedrok"));
        assertEquals(List.of(), ReadingFallback.alternatives("bedrok"), "ends in a consonant that makes no syllable");
        assertEquals(List.of(), ReadingFallback.alternatives("keyboard"));
        assertEquals(List.of(), ReadingFallback.alternatives("x"));
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

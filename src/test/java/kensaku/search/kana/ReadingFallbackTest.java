package kensaku.search.kana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import kensaku.search.InterpretedQuery;
import kensaku.search.plan.UserQuery;
import org.junit.jupiter.api.Test;

class ReadingFallbackTest {
    /** As the pipeline asks: the query with its parse, which the planner made. */
    private static List<ReadingFallback.Alternative> alternatives(String query) {
        return ReadingFallback.alternatives(query, UserQuery.parse(query).requiredTexts());
    }

    private static ReadingFallback.Alternative converted(String query) {
        return new ReadingFallback.Alternative(InterpretedQuery.READING, query, true);
    }

    private static ReadingFallback.Alternative romaji(String query) {
        return new ReadingFallback.Alternative(InterpretedQuery.ROMAJI, query, false);
    }

    private static ReadingFallback.Alternative romajiConverted(String query) {
        return new ReadingFallback.Alternative(InterpretedQuery.ROMAJI, query, true);
    }

    @Test
    void kanaIsTriedConvertedToKanji() {
        assertEquals(List.of(converted("はんどうたい")), alternatives("はんどうたい"));
        assertEquals(List.of(converted("ハンドウタイ 投資")), alternatives("ハンドウタイ 投資"));
        assertEquals(List.of(), alternatives("半導体 投資"), "nothing typed in kana: nothing to convert");
    }

    @Test
    void lowerCaseLatinWordsAreTriedAsRomajiAsTypedThenWithLongVowelsThenConverted() {
        assertEquals(List.of(romaji("ぐうぐる"), romaji("ぐーぐる"), romajiConverted("ぐうぐる"), romajiConverted("ぐーぐる")),
                alternatives("guuguru"));
        assertEquals(List.of(romaji("はんどうたい"), romaji("はんどーたい"), romajiConverted("はんどうたい"),
                romajiConverted("はんどーたい")), alternatives("handoutai"));
        assertEquals(List.of(romaji("NVIDIA けっさん"), romajiConverted("NVIDIA けっさん")), alternatives("NVIDIA kessan"),
                "a capitalised word is a name, not romaji");
        assertEquals(List.of(romaji("じてん"), romajiConverted("じてん")), alternatives("jiten"), "a final n is ん on Enter");
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

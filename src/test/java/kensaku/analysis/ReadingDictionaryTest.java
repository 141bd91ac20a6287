package kensaku.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingDictionaryTest {
    private final ReadingDictionary dictionary = new ReadingDictionary(
            "# surface,segmentation,readings,part-of-speech\n"
                    + "機械学習,機械 学習,キカイ ガクシュウ,カスタム名詞\n"
                    + "Trainium,Trainium,トレイニアム,カスタム名詞\n"
                    + "熊本ファブ,熊本 ファブ,クマモト ファブ,カスタム名詞\n");

    private List<String> written(String reading) {
        return dictionary.wordsRead(reading).stream().map(ReadingDictionary.Word::written).toList();
    }

    @Test
    void aReadingGivesEveryKanjiWordReadSoMostCommonFirst() {
        assertEquals(List.of("半導体"), written("ハンドウタイ"));
        assertTrue(written("コウカイ").containsAll(List.of("公開", "航海", "後悔")), written("コウカイ").toString());
        List<ReadingDictionary.Word> words = dictionary.wordsRead("コウカイ");
        assertEquals(words.stream().sorted(Comparator.comparingInt(ReadingDictionary.Word::cost)).toList(), words);
        assertEquals(List.of(), written("ケッサン").stream().filter(w -> !ReadingDictionary.hasKanji(w)).toList(),
                "けっさん in kana is what the query as typed already searched");
        assertTrue(written("ケッサン").contains("決算"));
        assertEquals(List.of(), written("ハンドウタイノ"), "only words, not stretches of text");
    }

    @Test
    void theUserDictionaryComesFirstLatinNamesIncluded() {
        assertEquals("機械", written("キカイ").get(0));
        assertEquals(List.of("Trainium"), written("トレイニアム"));
        assertEquals("熊本", written("クマモト").get(0));
        assertEquals(List.of(), written("ファブ"), "a part written in kana is found as typed");
        assertEquals(1, written("キカイ").stream().filter("機械"::equals).count(), "listed once");
    }

    @Test
    void packedReadingsAnswerAsTheMapTheyWereMadeFrom() {
        java.util.SortedMap<String, List<ReadingDictionary.Word>> map = new java.util.TreeMap<>();
        map.put("カイ", List.of(new ReadingDictionary.Word("会", 10), new ReadingDictionary.Word("回", 20)));
        map.put("キカイ", List.of(new ReadingDictionary.Word("機械", 5)));
        map.put("キカイガクシュウ", List.of(new ReadingDictionary.Word("機械学習", 1)));
        map.put("ン", List.of(new ReadingDictionary.Word("ん字", 3)));
        ReadingDictionary.Packed packed = new ReadingDictionary.Packed(map);
        map.forEach((reading, words) -> assertEquals(words, packed.get(reading), reading));
        for (String absent : List.of("", "ア", "カ", "カイカ", "キカ", "キカイガ", "ヴ", "ンン")) {
            assertEquals(null, packed.get(absent), absent);
        }
        assertEquals(null, new ReadingDictionary.Packed(new java.util.TreeMap<>()).get("カイ"), "empty");
    }
}

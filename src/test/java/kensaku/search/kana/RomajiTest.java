package kensaku.search.kana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RomajiTest {
    @Test
    void hepburnAndKunreiSpellingsAndDoubledConsonants() {
        assertEquals(List.of("トヨタ"), Romaji.katakana("toyota"));
        assertEquals("シンブン", Romaji.katakana("shinbunn").get(0));
        assertEquals("シンブン", Romaji.katakana("sinbunn").get(0));
        assertEquals("シンブ", Romaji.katakana("shinbun").get(0), "a final n may still become な: the prefix stops");
        assertEquals("キッテ", Romaji.katakana("kitte").get(0));
        assertEquals("チャット", Romaji.katakana("chatto").get(0));
    }

    @Test
    void doubledVowelsAlsoReadAsTheLongVowelMark() {
        assertEquals(List.of("グウグル", "グーグル"), Romaji.katakana("guuguru"));
        assertEquals("トーキョー", Romaji.katakana("toukyou").get(1));
        assertEquals(List.of("グーグル"), Romaji.katakana("gu-guru"));
    }

    @Test
    void anUnfinishedSyllableAtTheEndIsLeftOff() {
        assertEquals("エヌ", Romaji.katakana("enub").get(0));
    }

    @Test
    void whatIsNotRomajiGivesNothing() {
        assertTrue(Romaji.katakana("").isEmpty());
        assertTrue(Romaji.katakana("rtx4090").isEmpty());
        assertTrue(Romaji.katakana("xqz").isEmpty(), "consonants only");
        assertTrue(Romaji.katakana("トヨタ").isEmpty());
    }
}

package kensaku.search.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void countsEditsInCodePoints() {
        assertEquals(0, EditDistance.between("エヌビディア", "エヌビディア", 3));
        assertEquals(1, EditDistance.between("エヌビデア", "エヌビディア", 3), "デ + ィ: one insertion");
        assertEquals(2, EditDistance.between("マイクロソフド", "マイクロソフトー", 3));
        assertEquals(1, EditDistance.between("𠮷野家", "吉野家", 3), "a surrogate pair is one character");
        assertEquals(1, EditDistance.between("bedrok", "bedrock", 3));
    }

    @Test
    void stopsAtTheLimit() {
        assertEquals(2, EditDistance.between("abcdef", "uvwxyz", 2));
        assertEquals(2, EditDistance.between("a", "abcdef", 2));
    }
}

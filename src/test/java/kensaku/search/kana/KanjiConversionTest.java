package kensaku.search.kana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.ReadingDictionary;
import org.junit.jupiter.api.Test;

class KanjiConversionTest {
    private static final JapaneseAnalyzers ANALYZERS = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
    private final KanjiConversion conversion = new KanjiConversion(ANALYZERS.readings(), ANALYZERS.morphological());

    /** An index that holds these words, and remembers what it was asked. */
    private static final class Index implements KanjiConversion.HeldWords {
        final Set<String> words;
        final List<Set<String>> asked = new ArrayList<>();

        Index(String... words) {
            this.words = Set.of(words);
        }

        @Override
        public Set<String> held(Set<String> asked) {
            this.asked.add(asked);
            Set<String> held = new HashSet<>(asked);
            held.retainAll(words);
            return held;
        }
    }

    @Test
    void kanaBecomesTheHeldWordsItReadsAs() throws IOException {
        assertEquals(List.of("半導体"), conversion.candidates("はんどうたい", new Index("半導体", "投資")));
        assertEquals(List.of("半導体"), conversion.candidates("ハンドウタイ", new Index("半導体")), "katakana alike");
        assertEquals(List.of(), conversion.candidates("はんどうたい", new Index("投資")), "not held: nothing");
    }

    @Test
    void aReadingOfSeveralWordsIsCutIntoHeldWordsFewestFirst() throws IOException {
        List<String> forms = conversion.candidates("きかいがくしゅう", new Index("機械", "学習", "機会", "気", "会"));
        assertTrue(forms.containsAll(List.of("機械学習", "機会学習")), forms.toString());
        assertEquals(Set.of("機械学習", "機会学習"), Set.copyOf(forms.subList(0, 2)), "two words before three");
        assertEquals(List.of("自律航海"), conversion.candidates("じりつこうかい", new Index("自律", "航海", "運航")));
        assertEquals(List.of("経済産業省"),
                conversion.candidates("けいざいさんぎょうしょう", new Index("経済", "産業", "省")));
    }

    @Test
    void wordsAreAskedForAsTheyAreIndexed() throws IOException {
        // The built-in user dictionary reads Trainium トレイニアム; the morphological view indexes it in lower case.
        assertEquals(List.of("Trainium"), conversion.candidates("とれいにあむ", new Index("trainium")));
        assertEquals(List.of(), conversion.candidates("とれいにあむ", new Index("Trainium")));
    }

    @Test
    void theIndexIsAskedOnceAndOnlyForKanaWithinLimits() throws IOException {
        Index index = new Index("半導体");
        conversion.candidates("はんどうたい", index);
        assertEquals(1, index.asked.size());
        assertTrue(index.asked.get(0).contains("半導体"));
        assertEquals(List.of(), conversion.candidates("半導体", index), "not kana");
        assertEquals(List.of(), conversion.candidates("は", index), "one kana reads as too many words");
        assertEquals(List.of(), conversion.candidates("はんどうたい".repeat(5), index), "over the length limit");
        assertEquals(1, index.asked.size(), "none of those asked the index");
    }

    @Test
    void aLongRunOfHomophonesStillConvertsWithinTheCandidateLimit() throws IOException {
        Set<String> held = new HashSet<>();
        ReadingDictionary dictionary = ANALYZERS.readings();
        for (String reading : List.of("コウ", "カイ", "コウカイ", "ショウ", "カ")) {
            dictionary.wordsRead(reading).forEach(word -> held.add(word.written()));
        }
        List<String> forms = conversion.candidates("こうかいこうかいこうかいしょう", new Index(held.toArray(String[]::new)));
        assertTrue(!forms.isEmpty() && forms.size() <= KanjiConversion.MAX_CANDIDATES, forms.toString());
    }
}

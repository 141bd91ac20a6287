package kensaku.search.kana;

import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.Kana;
import org.apache.lucene.analysis.Analyzer;

/**
 * What the planners of both backends do with a query part typed in kana. A part all in kana with some hiragana is
 * also searched as katakana in the morphological view (あんそろぴっく is read by Kuromoji as the dictionary word
 * アンソロピック, and so gets its company aliases); the bigram view needs nothing, it folds kana itself. A part all
 * in kana is what {@link KanjiConversion} can turn into written words (はんどうたい, ハンドウタイ → 半導体).
 */
public final class QueryReadings {
    private QueryReadings() {}

    /** The part in katakana when it is kana only with some hiragana; null otherwise. */
    public static String katakanaForm(String part) {
        String stripped = part.strip();
        return Kana.isKanaOnly(stripped) && Kana.hasHiragana(stripped) ? Kana.katakana(stripped) : null;
    }

    /** The word as the morphological view reads it best: in katakana when typed in hiragana, else as typed. */
    public static String asWritten(String word) {
        String katakana = katakanaForm(word);
        return katakana == null ? word : katakana;
    }

    /**
     * The katakana form to search besides the part as typed: null when there is none, or when the morphological
     * query analyzer reads both alike (すし and スシ are one term already), so no clause counts twice.
     */
    public static String katakanaAlternative(Analyzer morphologicalQuery, String part) {
        String katakana = katakanaForm(part);
        if (katakana == null || JapaneseAnalyzers.terms(morphologicalQuery, "", part)
                .equals(JapaneseAnalyzers.terms(morphologicalQuery, "", katakana))) {
            return null;
        }
        return katakana;
    }

    /** Whether the part may be a reading: nothing but kana. */
    public static boolean isReading(String part) {
        return Kana.isKanaOnly(part.strip());
    }
}

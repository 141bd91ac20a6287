package kensaku.search.kana;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kensaku.analysis.Kana;
import kensaku.search.InterpretedQuery;

/**
 * When a query found few articles as typed, how else it may have been meant, in the order to try: its kana parts as
 * the readings of kanji words (はんどうたい, ハンドウタイ → 半導体, by {@link KanjiConversion}), its lower-case Latin
 * words as romaji typed before the IME converted them (guuguru → ぐーぐる → グーグル → Google), then that kana as
 * kanji too (kikaigakushuu → きかいがくしゅう → 機械学習). The first that finds more articles than the query as typed
 * is what is shown, and the response says what was searched. Pure text: both backends try the same texts in the
 * same order, in the search pipeline ({@code kensaku.search.plan.SearchPipeline}).
 *
 * <p>Only on few results: a reading stands for every homophone (こうかい is 公開, 後悔 and 航海), which must never
 * crowd out an article holding the word as typed (docs/RELEVANCE.md, step 11).
 */
public final class ReadingFallback {
    /** A query with this many results or fewer is also tried by its reading or as romaji. */
    public static final int FEW_RESULTS = 0;
    private static final Pattern ROMAJI_WORD = Pattern.compile("[a-z]{2,}");

    private ReadingFallback() {}

    /**
     * One way to try: {@code text} searched as it is, or with its kana parts {@code converted} to kanji first; the
     * response names the result {@code kind} ({@link InterpretedQuery}).
     */
    public record Alternative(String kind, String text, boolean converted) {}

    /**
     * The interpretations to try, in order; empty when the query has no kana part and no romaji word.
     *
     * @param requiredTexts the words and phrases the query requires, as the planner parsed them (the only place a
     *     query is parsed)
     */
    public static List<Alternative> alternatives(String query, List<String> requiredTexts) {
        List<Alternative> alternatives = new ArrayList<>();
        boolean anyKana = requiredTexts.stream().anyMatch(QueryReadings::isReading);
        if (anyKana) {
            alternatives.add(new Alternative(InterpretedQuery.READING, query, true));
        }
        Set<String> romaji = new LinkedHashSet<>();
        for (int variant = 0; variant < 2; variant++) {
            String converted = romaji(query, variant);
            if (converted != null) {
                romaji.add(converted);
            }
        }
        romaji.forEach(text -> alternatives.add(new Alternative(InterpretedQuery.ROMAJI, text, false)));
        romaji.forEach(text -> alternatives.add(new Alternative(InterpretedQuery.ROMAJI, text, true)));
        return alternatives;
    }
    /**
     * The query with each space-separated lower-case Latin word that reads as romaji in hiragana, as an IME shows
     * it before conversion; variant 0 as typed (toukyou → とうきょう), 1 with long vowels (guuguru → ぐーぐる). Null
     * when no word converts. Capitalised words (NVIDIA, Google) are names, not romaji, and stay.
     */
    private static String romaji(String query, int variant) {
        String[] words = query.strip().split("[\\s\u3000]+");
        boolean any = false;
        for (int i = 0; i < words.length; i++) {
            if (!ROMAJI_WORD.matcher(words[i]).matches()) {
                continue;
            }
            List<String> readings = Romaji.wholeWord(words[i]);
            if (!readings.isEmpty()) {
                words[i] = Kana.hiragana(readings.get(Math.min(variant, readings.size() - 1)));
                any = true;
            }
        }
        return any ? String.join(" ", words) : null;
    }
}

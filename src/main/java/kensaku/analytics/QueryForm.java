package kensaku.analytics;

import kensaku.search.kana.KanaNormalizer;

/** The form queries are grouped by in reports. */
public final class QueryForm {
    private QueryForm() {}

    /**
     * Width, case and kana folded as the engine folds what is typed (NFKC, lower case, hiragana as katakana: ＮＶＩＤＩＡ,
     * nvidia and Nvidia are one query, so are とよた and トヨタ), and runs of spaces (full-width ones too) made one.
     */
    public static String normalize(String query) {
        return KanaNormalizer.fold(query).replaceAll("\\s+", " ");
    }
}

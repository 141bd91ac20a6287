package kensaku.analysis;

/**
 * The version of what the analyzer chains in {@link JapaneseAnalyzers} do to text. Bump it with any change to a
 * chain (a filter added, removed or reordered, another tokenizer mode): it is part of every index's
 * {@link AnalysisFingerprint}, so an index analysed by the old chain says 「再インデックスが必要」 and the next
 * {@code index} rebuilds it in full instead of mixing the two.
 */
public final class AnalysisChain {
    // 2: kana folding in the morphological and bigram chains and the reading chain (issue 25, schema 8).
    public static final int VERSION = 2;

    private AnalysisChain() {}
}

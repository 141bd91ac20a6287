package kensaku.search.kana;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.Kana;
import kensaku.analysis.ReadingDictionary;
import kensaku.index.Schema;
import org.apache.lucene.analysis.Analyzer;

/**
 * A query part typed in kana converted to kanji, as an input method would, but only into words the index holds:
 * はんどうたい → 半導体, きかいがくしゅう → 機械学習 (キカイ + ガクシュウ), じりつこうかい → 自律航海 where the articles say so.
 * Every way of cutting the kana into readings of held words is a candidate, fewest words first, then the words
 * Kuromoji finds most common; the search pipeline ({@code kensaku.search.plan.SearchPipeline}) keeps those that
 * find articles.
 *
 * <p>Pure: the index is asked only which terms it holds, through the function given, each word as the
 * morphological view indexes it.
 */
public final class KanjiConversion {
    /** Parts longer than this, in kana, are not converted (the ways to cut them grow quickly). */
    public static final int MAX_KANA = 24;
    /** Candidates returned per part, best first. */
    public static final int MAX_CANDIDATES = 12;
    /** A reading of one kana is too ambiguous to stand for a word (エ is 絵, 柄, 江 …). */
    private static final int MIN_READING = 2;
    /** Ways of cutting one part looked at, at most. */
    private static final int MAX_CUTS = 400;

    /** Which of these terms (of the morphological view) some title, excerpt, body or label holds. */
    @FunctionalInterface
    public interface HeldWords {
        Set<String> held(Set<String> words) throws IOException;
    }

    private final ReadingDictionary dictionary;
    private final Analyzer morphological;

    /** @param morphological the index side of the morphological view, which says how a word is indexed */
    public KanjiConversion(ReadingDictionary dictionary, Analyzer morphological) {
        this.dictionary = dictionary;
        this.morphological = morphological;
    }

    /** The written forms the kana part may stand for, best first; empty when it cannot be read as held words. */
    public List<String> candidates(String part, HeldWords index) throws IOException {
        String kana = Kana.katakana(part.strip());
        if (kana.length() < MIN_READING || kana.length() > MAX_KANA || !Kana.isKanaOnly(kana)) {
            return List.of();
        }
        List<List<Edge>> startingAt = lattice(kana);
        Map<String, String> terms = new HashMap<>();
        startingAt.forEach(edges -> edges.forEach(edge -> terms.computeIfAbsent(edge.written(), this::indexedAs)));
        terms.values().removeIf(Objects::isNull);
        if (terms.isEmpty()) {
            return List.of();
        }
        Set<String> heldTerms = index.held(new LinkedHashSet<>(terms.values()));
        Set<String> held = new HashSet<>();
        terms.forEach((word, term) -> {
            if (heldTerms.contains(term)) {
                held.add(word);
            }
        });
        List<List<Edge>> usable = usable(startingAt, held);
        List<Cut> cuts = new ArrayList<>();
        cut(kana.length(), 0, usable, new ArrayList<>(), cuts);
        int fewest = cuts.stream().mapToInt(Cut::words).min().orElse(0);
        return cuts.stream().filter(cut -> cut.words() <= fewest + 1)
                .sorted(Comparator.comparingInt(Cut::words).thenComparingInt(Cut::cost))
                .map(Cut::written).distinct().limit(MAX_CANDIDATES).toList();
    }

    /**
     * The one term the morphological view indexes a word as (Trainium as trainium); null when it makes none or
     * several of it (a long dictionary word that search mode cuts is found by its parts' readings instead).
     */
    private String indexedAs(String word) {
        if (word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return word; // a kanji noun is indexed as written: no analysis needed for most of the words asked
        }
        List<String> indexed = JapaneseAnalyzers.terms(morphological, Schema.BODY, word);
        return indexed.size() == 1 ? indexed.get(0) : null;
    }

    /** One way of reading the kana: its words written one after the other, with their number and cost. */
    private record Cut(String written, int words, int cost) {}

    /** A word whose reading covers {@code length} kana from where it starts. */
    private record Edge(String written, int length, int cost) {}

    /** For each position, the words whose reading starts there. */
    private List<List<Edge>> lattice(String kana) {
        List<List<Edge>> startingAt = new ArrayList<>();
        for (int start = 0; start < kana.length(); start++) {
            List<Edge> edges = new ArrayList<>();
            int longest = Math.min(kana.length(), start + ReadingDictionary.MAX_READING);
            // Longest readings first: the cuts into fewest words are found before MAX_CUTS is reached.
            for (int end = longest; end >= start + MIN_READING; end--) {
                for (ReadingDictionary.Word word : dictionary.wordsRead(kana.substring(start, end))) {
                    edges.add(new Edge(word.written(), end - start, word.cost()));
                }
            }
            startingAt.add(edges);
        }
        return startingAt;
    }

    /**
     * Only the held words from which the end of the kana can still be reached by held words: so every branch of
     * {@link #cut} ends in a reading, and {@link #MAX_CUTS} bounds the work.
     */
    private static List<List<Edge>> usable(List<List<Edge>> startingAt, Set<String> held) {
        int length = startingAt.size();
        boolean[] reachesEnd = new boolean[length + 1];
        reachesEnd[length] = true;
        List<List<Edge>> usable = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            usable.add(List.of());
        }
        for (int start = length - 1; start >= 0; start--) {
            List<Edge> edges = new ArrayList<>();
            for (Edge edge : startingAt.get(start)) {
                if (held.contains(edge.written()) && reachesEnd[start + edge.length()]) {
                    edges.add(edge);
                }
            }
            reachesEnd[start] = !edges.isEmpty();
            usable.set(start, edges);
        }
        return usable;
    }

    private static void cut(int length, int start, List<List<Edge>> usable, List<Edge> chosen, List<Cut> cuts) {
        if (cuts.size() >= MAX_CUTS) {
            return;
        }
        if (start == length) {
            StringBuilder written = new StringBuilder();
            int cost = 0;
            for (Edge edge : chosen) {
                written.append(edge.written());
                cost += edge.cost();
            }
            cuts.add(new Cut(written.toString(), chosen.size(), cost));
            return;
        }
        for (Edge edge : usable.get(start)) {
            chosen.add(edge);
            cut(length, start + edge.length(), usable, chosen, cuts);
            chosen.remove(chosen.size() - 1);
        }
    }
}

package kensaku.search.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kensaku.search.Suggestion;
import kensaku.search.kana.KanaNormalizer;
import kensaku.search.kana.Romaji;

/**
 * What both backends' suggestions share: the forms a typed prefix is matched in, and the order of the answer
 * (companies first, then tags, then titles, each by how many articles carry them).
 */
public final class SuggestionRanking {
    private static final List<String> KIND_ORDER = List.of("company", "tag", "title");

    /** A possible suggestion and how many articles carry it. */
    public record Candidate(Suggestion suggestion, long weight) {}

    private SuggestionRanking() {}

    /**
     * The folded prefix and, for a Latin one, its folded romaji readings ({@link Romaji}), so enubi reaches
     * エヌビディア; empty when nothing is left after folding.
     */
    public static List<String> prefixesOf(String typed) {
        String folded = KanaNormalizer.fold(typed);
        if (folded.isEmpty()) {
            return List.of();
        }
        List<String> prefixes = new ArrayList<>(List.of(folded));
        for (String reading : Romaji.katakana(typed)) {
            String foldedReading = KanaNormalizer.fold(reading);
            if (!prefixes.contains(foldedReading)) {
                prefixes.add(foldedReading);
            }
        }
        return List.copyOf(prefixes);
    }

    /** The best {@code limit} candidates in suggestion order, without a tag that repeats a suggested company. */
    public static List<Suggestion> best(Collection<Candidate> found, int limit) {
        Set<String> companies = new HashSet<>();
        found.stream().filter(c -> c.suggestion().kind().equals("company"))
                .forEach(c -> companies.add(c.suggestion().text().toLowerCase(Locale.ROOT)));
        return found.stream()
                // The tag NVIDIA beside the company NVIDIA would offer the same word twice.
                .filter(c -> !c.suggestion().kind().equals("tag")
                        || !companies.contains(c.suggestion().text().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt((Candidate c) -> KIND_ORDER.indexOf(c.suggestion().kind()))
                        .thenComparing(Comparator.comparingLong(Candidate::weight).reversed())
                        // Titles all start with what was typed: the one closest to it (shortest) is the best
                        // match, and punctuation never decides the order (NVIDIA、$ … is not first for being 、).
                        .thenComparingInt(c -> c.suggestion().kind().equals("title") ? c.suggestion().text().length() : 0)
                        .thenComparing(c -> lettersOf(c.suggestion().text())))
                .limit(limit)
                .map(Candidate::suggestion)
                .toList();
    }

    private static String lettersOf(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(letters::appendCodePoint);
        return letters.toString();
    }
}

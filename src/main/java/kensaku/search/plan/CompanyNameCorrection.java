package kensaku.search.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kensaku.analysis.CompanyGazetteer;
import kensaku.index.Schema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Corrects a misspelled company name the index itself cannot correct because no article writes it that way: the
 * seeds write NVIDIA, never エヌビディア, so エヌビデア has no indexed neighbour, yet its closest gazetteer alias
 * is plainly meant (and the query-time synonyms then find NVIDIA). Both backends use it after their own
 * dictionary of indexed words has nothing to offer.
 */
public final class CompanyNameCorrection {
    /** Analysed form of each one-word company alias → the alias as people write it. */
    private final Map<String, String> companyAliases;

    public CompanyNameCorrection(Analyzer analyzer, CompanyGazetteer gazetteer) {
        this.companyAliases = analysedAliases(analyzer, gazetteer);
    }

    /** The company alias fewest edits away (at most 1 for a three-letter word, 2 for longer ones). */
    public Optional<String> closest(String word) {
        int length = word.codePointCount(0, word.length());
        if (length < Corrections.MIN_WORD_CHARS) {
            return Optional.empty();
        }
        int allowed = length == Corrections.MIN_WORD_CHARS ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        for (Map.Entry<String, String> alias : companyAliases.entrySet()) {
            int distance = EditDistance.between(word, alias.getKey(), bestDistance);
            if (distance < bestDistance) {
                best = alias.getValue();
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<String, String> analysedAliases(Analyzer analyzer, CompanyGazetteer gazetteer) {
        Map<String, String> aliases = new TreeMap<>();
        for (CompanyGazetteer.Company company : gazetteer.companies()) {
            for (String alias : company.aliases()) {
                List<String> tokens = tokens(analyzer, alias);
                if (tokens.size() == 1) {
                    aliases.putIfAbsent(tokens.get(0), alias);
                }
            }
        }
        return Collections.unmodifiableMap(aliases);
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(Schema.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a company alias", e);
        }
        return tokens;
    }

}

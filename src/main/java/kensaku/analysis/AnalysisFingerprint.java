package kensaku.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an index's terms depend on besides the articles: the chain version, the user dictionary, the stop words and
 * the company gazetteer (which decides the company facet and the labels field). Query-time synonyms are not part of
 * it: they never reach the index. Recorded in each index generation (commit user data, the cluster's {@code _meta})
 * and compared with the analysis folder in force.
 *
 * @param parts each part's name ({@link #CHAIN}, {@link #USER_DICTIONARY}, …) and a short hash of its content
 */
public record AnalysisFingerprint(Map<String, String> parts) {
    public static final String CHAIN = "chain";
    public static final String USER_DICTIONARY = "userdict";
    public static final String STOP_WORDS = "stopwords";
    public static final String COMPANIES = "companies";

    public AnalysisFingerprint {
        parts = Map.copyOf(parts);
    }

    /** The fingerprint of these index-time inputs under the current {@link AnalysisChain#VERSION}. */
    static AnalysisFingerprint of(String userDictionary, String stopWords, String companies) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(CHAIN, Integer.toString(AnalysisChain.VERSION));
        parts.put(USER_DICTIONARY, hash(userDictionary));
        parts.put(STOP_WORDS, hash(stopWords));
        parts.put(COMPANIES, hash(companies));
        return new AnalysisFingerprint(parts);
    }

    /** One line for the commit user data: {@code chain=1;companies=…;stopwords=…;userdict=…}. */
    public String encode() {
        return String.join(";", parts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    /** The fingerprint an index recorded; empty parts for an index built before fingerprints (null or blank). */
    public static AnalysisFingerprint decode(String encoded) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (encoded != null) {
            for (String part : encoded.split(";")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    parts.put(part.substring(0, equals), part.substring(equals + 1));
                }
            }
        }
        return new AnalysisFingerprint(parts);
    }

    /**
     * The parts that differ from what an index recorded, in a fixed order, by the file an operator edits
     * ({@code userdict.txt}, …; {@code chain} for an upgrade of kensaku); every part for an index with none.
     */
    public List<String> changedSince(AnalysisFingerprint recorded) {
        List<String> changed = new ArrayList<>();
        for (String part : List.of(CHAIN, USER_DICTIONARY, STOP_WORDS, COMPANIES)) {
            if (!parts.getOrDefault(part, "").equals(recorded.parts.get(part))) {
                changed.add(fileOf(part));
            }
        }
        return changed;
    }

    private static String fileOf(String part) {
        return switch (part) {
            case USER_DICTIONARY -> AnalysisFolder.USER_DICTIONARY;
            case STOP_WORDS -> AnalysisFolder.STOP_WORDS;
            case COMPANIES -> AnalysisFolder.COMPANIES;
            default -> part;
        };
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

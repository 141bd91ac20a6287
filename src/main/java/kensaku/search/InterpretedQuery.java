package kensaku.search;

/**
 * How a query that found few articles as typed was searched instead: {@code kind} {@value #READING} (its kana also
 * as the reading of kanji words: はんどうたい found 半導体) or {@value #ROMAJI} (Latin letters read as kana:
 * guuguru as ぐーぐる); {@code query} is the text searched, which the page shows (「ぐーぐる」として検索しました).
 */
public record InterpretedQuery(String kind, String query) {
    public static final String READING = "reading";
    public static final String ROMAJI = "romaji";
}

package kensaku.search;

/**
 * How a query that found few articles as typed was searched instead: {@code kind} {@value #READING} (its kana
 * converted to the written words they stand for: はんどうたい searched as 半導体) or {@value #ROMAJI} (Latin letters
 * read as kana, then converted if need be: guuguru as ぐーぐる, handoutai as 半導体); {@code query} is the text
 * searched, which the page shows (「半導体」として検索しました).
 */
public record InterpretedQuery(String kind, String query) {
    public static final String READING = "reading";
    public static final String ROMAJI = "romaji";
}

package kensaku.search;

/**
 * One completion.
 *
 * @param kind  "company", "tag" or "title"
 * @param value what to search for (a canonical company name, a tag, a title)
 * @param id    the article id for a title suggestion, else null
 */
public record Suggestion(String text, String kind, String value, String id) {}

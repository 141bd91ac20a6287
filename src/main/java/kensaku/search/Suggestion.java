package kensaku.search;

/**
 * One completion.
 *
 * @param kind  "company", "tag" or "title"
 * @param value what to search for (a canonical company name, a tag, a title)
 * @param id    the article id for a title suggestion, else null
 * @param label what a reader sees: a company's display name from the gazetteer (エヌビディア), else the text
 */
public record Suggestion(String text, String kind, String value, String id, String label) {
    public Suggestion {
        label = label == null ? text : label;
    }

    public Suggestion(String text, String kind, String value, String id) {
        this(text, kind, value, id, null);
    }
}

package kensaku.http;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kensaku.search.plan.UserQuery;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * The words of the search a reader came from, marked in the article they opened ({@code <mark>}), as on the
 * results page. Only text is marked: the already sanitised body HTML is parsed (jsoup) and each text node split,
 * never a tag or an attribute. Words are matched ignoring case and width (ＡＩ finds AI).
 */
final class ArticleMarks {
    private static final ArticleMarks NONE = new ArticleMarks(null);
    private final Pattern words;

    private ArticleMarks(Pattern words) {
        this.words = words;
    }

    static ArticleMarks of(String query) {
        if (query == null || query.isBlank()) {
            return NONE;
        }
        List<String> texts = new ArrayList<>();
        for (List<UserQuery.Part> group : UserQuery.parse(query).required()) {
            for (UserQuery.Part part : group) {
                String text = Normalizer.normalize(part.text(), Normalizer.Form.NFKC).strip();
                if (!text.isEmpty() && !texts.contains(text)) {
                    texts.add(text);
                }
            }
        }
        if (texts.isEmpty()) {
            return NONE;
        }
        texts.sort(Comparator.comparingInt(String::length).reversed());
        String alternatives = String.join("|", texts.stream().map(Pattern::quote).toList());
        return new ArticleMarks(Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** Plain text escaped, with the words marked. */
    String markText(String text) {
        if (words == null) {
            return Html.escape(text);
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (normalized.length() != text.length()) {
            // Width folding changed the length, so offsets would not line up: match the text as it is.
            normalized = text;
        }
        Matcher matcher = words.matcher(normalized);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int at = 0;
        while (matcher.find()) {
            out.append(Html.escape(text.substring(at, matcher.start()))).append("<mark>")
                    .append(Html.escape(text.substring(matcher.start(), matcher.end()))).append("</mark>");
            at = matcher.end();
        }
        return out.append(Html.escape(text.substring(at))).toString();
    }

    /** Sanitised HTML with the words marked in its text nodes. */
    String markHtml(String html) {
        if (words == null || html.isEmpty()) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text && !(node.parent() instanceof Element parent
                    && (parent.normalName().equals("script") || parent.normalName().equals("style")))) {
                texts.add(text);
            }
        }, document.body());
        for (TextNode text : texts) {
            String marked = markText(text.getWholeText());
            if (marked.contains("<mark>")) {
                List<Node> replacement = Jsoup.parseBodyFragment(marked).body().childNodes();
                for (Node node : new ArrayList<>(replacement)) {
                    text.before(node);
                }
                text.remove();
            }
        }
        return document.body().html();
    }
}

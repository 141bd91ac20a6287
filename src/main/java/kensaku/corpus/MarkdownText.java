package kensaku.corpus;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Markdown with raw HTML, reduced to plain text for indexing and rendered to sanitised HTML for display.
 * Block elements become line breaks; inline elements add no spaces, since Japanese has none between words.
 */
final class MarkdownText {
    /** Generator markers and lone thematic breaks are not content. */
    private static final Pattern MARKER_LINE = Pattern.compile("(?m)^[ \\t]*(---END---|-{3,}|\\*{3,}|_{3,})[ \\t]*$");
    private static final List<String> DROPPED = List.of("script", "style", "noscript", "iframe", "template", "object",
            "embed", "svg", "math", "head");
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "br", "li", "tr", "h1", "h2",
            "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "section", "article", "header",
            "footer", "hr", "dt", "dd", "figcaption", "td", "th");

    /** Spaces, tabs and no-break spaces in a row: one space in the indexed text. */
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");

    /** Built once, not per article: indexing threads share it, and cleaning only reads it. */
    private final Safelist allowed = Safelist.relaxed().removeTags("img").addAttributes("a", "rel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    record Rendered(String text, String html) {}

    /** A body that could not be reduced to text within the time limit. */
    static final class TooComplex extends RuntimeException {
        TooComplex(String message) {
            super(message);
        }
    }

    /** Bodies up to this size are rendered on the calling thread: with nesting bounded they take milliseconds. */
    static final int INLINE_CHARS = 64 * 1024;
    /** A larger body gets a thread with this much stack, so that no nesting left can overflow it. */
    private static final long STACK_BYTES = 256L * 1024 * 1024;

    /**
     * As {@link #render}, but a body larger than {@link #INLINE_CHARS} is reduced on a thread of its own, given at
     * most {@code limit}; past it, {@link TooComplex} (the thread is left to finish in the background, since
     * commonmark and jsoup cannot be interrupted, and the rendering is linear in size, so it does finish).
     */
    Rendered render(String markdown, java.time.Duration limit) {
        if (markdown.length() <= INLINE_CHARS) {
            return render(markdown);
        }
        java.util.concurrent.CompletableFuture<Rendered> result = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.complete(render(markdown));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "kensaku-render", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TooComplex("reducing it to text took more than " + limit.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooComplex("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StackOverflowError) {
                throw new TooComplex("nested too deeply to reduce to text");
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    Rendered render(String markdown) {
        // A blank line instead of a marker, so "text\n---" never turns the text above into a heading.
        String cleaned = NestingLimit.flatten(MARKER_LINE.matcher(markdown).replaceAll(""));
        String html = renderer.render(parser.parse(cleaned));
        Document document = Jsoup.parseBodyFragment(html);
        DROPPED.forEach(tag -> document.select(tag).remove());
        return new Rendered(textOf(document.body()), sanitise(document.body().html()));
    }

    private String sanitise(String html) {
        return Jsoup.clean(html, allowed);
    }

    private static String textOf(Element root) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element element && element.normalName().equals("img")) {
                    text.append(element.attr("alt"));
                } else if (isBlock(node)) {
                    newLine(text);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (isBlock(node)) {
                    newLine(text);
                } else if (node instanceof Element element && element.normalName().equals("td")) {
                    text.append(' ');
                }
            }
        }, root);
        return tidy(text.toString());
    }

    private static boolean isBlock(Node node) {
        return node instanceof Element element && BLOCKS.contains(element.normalName());
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    /** Collapses runs of spaces within lines and drops blank lines. */
    private static String tidy(String text) {
        StringBuilder tidy = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            String collapsed = SPACES.matcher(line).replaceAll(" ").strip();
            if (!collapsed.isEmpty()) {
                tidy.append(collapsed).append('\n');
            }
        }
        return tidy.toString().strip();
    }
}

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.ReadResult;
import kensaku.index.Indexer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/**
 * One thread's CPU for each stage of turning articles into terms, outside Lucene's writer: reading (decode, front
 * matter, Markdown), company matching, and each analyzer view of each field; plus the normalizing char filters
 * alone, the pattern filters (before issue 27) and the streaming ones in alternating passes. The best of the
 * passes after the first is reported. Run with the product jar on the class path:
 *
 * <pre>java -cp target/kensaku.jar src/bench/scripts/AnalysisCost.java CORPUS [passes] [max-articles]</pre>
 */
public final class AnalysisCost {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Pattern DASH = Pattern.compile("[－—―─━](?<=[\\p{IsKatakana}\\p{IsHiragana}ーｰ－—―─━][－—―─━])");
    private static final Pattern THOUSANDS = Pattern.compile(",(?<=\\d,)(?=\\d{3}(?!\\d))");

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int max = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        ArticleReader reader = new ArticleReader();
        List<Path> files = reader.listFiles(corpus);
        files = files.subList(0, Math.min(max, files.size()));
        Map<String, Long> best = new LinkedHashMap<>();
        long bytes = 0;
        for (Path file : files) {
            bytes += java.nio.file.Files.size(file);
        }
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(gazetteer)) {
            for (int pass = 0; pass < passes; pass++) {
                Map<String, Long> cost = new LinkedHashMap<>();
                List<Article> articles = new ArrayList<>();
                long t = cpu();
                for (Path file : files) {
                    if (reader.read(corpus, file) instanceof ReadResult.Read read) {
                        articles.add(read.article());
                    }
                }
                cost.put("reading, decoding, front matter, Markdown → text", cpu() - t);
                t = cpu();
                List<Set<String>> companies = new ArrayList<>();
                for (Article article : articles) {
                    companies.add(Indexer.companiesOf(gazetteer, article));
                }
                cost.put("company matching", cpu() - t);
                for (String field : List.of("title", "excerpt", "body", "labels")) {
                    for (String view : List.of("morphological", "bigram")) {
                        if (field.equals("labels") && view.equals("bigram")) {
                            continue;
                        }
                        Analyzer analyzer = view.equals("bigram") ? analyzers.bigram() : analyzers.morphological();
                        t = cpu();
                        long tokens = 0;
                        for (int i = 0; i < articles.size(); i++) {
                            tokens += consume(analyzer, field, textOf(articles.get(i), companies.get(i), field));
                        }
                        cost.put("analysis: " + field + ", " + view + " view (" + tokens + " tokens)", cpu() - t);
                    }
                }
                // The char filters alone, over every text of both views (each text goes through them once per view).
                for (String kind : pass % 2 == 0 ? List.of("pattern", "streaming") : List.of("streaming", "pattern")) {
                    t = cpu();
                    for (int i = 0; i < articles.size(); i++) {
                        for (String field : List.of("title", "excerpt", "body")) {
                            String text = textOf(articles.get(i), companies.get(i), field);
                            drain(kind.equals("pattern") ? patternChain(text) : streamingChain(analyzers, text));
                        }
                    }
                    cost.put("char filters, one view, " + kind + " (dash, width, thousands)", cpu() - t);
                }
                if (pass > 0 || passes == 1) {
                    cost.forEach((k, v) -> best.merge(k, v, Math::min));
                }
                System.err.printf("pass %d: %s%n", pass, cost.values());
            }
        }
        System.out.printf("%d articles, %.1f MB; best of passes 2..%d, one thread's CPU%n", files.size(), bytes / 1e6, passes);
        best.forEach((k, v) -> System.out.printf("%8.2f s  %s%n", v / 1e9, k));
    }

    private static String textOf(Article article, Set<String> companies, String field) {
        return switch (field) {
            case "title" -> article.title();
            case "excerpt" -> article.excerpt();
            case "body" -> article.bodyText();
            default -> {
                StringBuilder labels = new StringBuilder();
                article.tags().forEach(tag -> labels.append(tag).append('\n'));
                companies.forEach(company -> labels.append(company).append('\n'));
                yield labels.toString();
            }
        };
    }

    private static long consume(Analyzer analyzer, String field, String text) throws IOException {
        long tokens = 0;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            stream.reset();
            while (stream.incrementToken()) {
                tokens++;
            }
            stream.end();
        }
        return tokens;
    }

    private static Reader patternChain(String text) {
        return new PatternReplaceCharFilter(THOUSANDS, "", new CJKWidthCharFilter(
                new PatternReplaceCharFilter(DASH, "ー", new StringReader(text))));
    }

    /** The analyzers' own reader chain: what initReader gives a text (the streaming filters since issue 27). */
    private static Reader streamingChain(JapaneseAnalyzers analyzers, String text) {
        return new ReaderOf(analyzers.bigram()).initReader(text);
    }

    private static void drain(Reader reader) throws IOException {
        char[] buffer = new char[4096];
        while (reader.read(buffer) >= 0) {
            // the filters do their work in read
        }
    }

    private static long cpu() {
        return CPU.getCurrentThreadCpuTime();
    }

    /** Reaches an analyzer's initReader (protected) by wrapping it. */
    private static final class ReaderOf extends org.apache.lucene.analysis.AnalyzerWrapper {
        private final Analyzer delegate;

        ReaderOf(Analyzer delegate) {
            super(delegate.getReuseStrategy());
            this.delegate = delegate;
        }

        Reader initReader(String text) {
            return initReader("body_bg", new StringReader(text));
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }
    }
}

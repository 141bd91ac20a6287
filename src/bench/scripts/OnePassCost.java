import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.analysis.MorphologyAndReading;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.index.Indexer;
import kensaku.corpus.ReadResult;
import org.apache.lucene.analysis.TokenStream;

/**
 * One thread's CPU for the morphological and reading views of the bodies, or of the short texts (each title,
 * excerpt and labels: tags and companies, one per line, as the index has them): two analyzers, each running
 * Kuromoji, against one pass feeding both ({@code MorphologyAndReading}), and the morphological view alone; 8 passes
 * in turn, the best of passes 3-8 reported (docs/BENCHMARKS.md, "Levers weighed"). Run with the product jar on the
 * class path:
 *
 * <pre>java -cp target/kensaku.jar src/bench/scripts/OnePassCost.java CORPUS MAX-ARTICLES [body|short]</pre>
 */
public final class OnePassCost {
    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int max = Integer.parseInt(args[1]);
        boolean shortTexts = args.length > 2 && args[2].equals("short");
        ArticleReader reader = new ArticleReader();
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        List<String> bodies = new ArrayList<>();
        for (Path file : reader.listFiles(corpus).subList(0, max)) {
            if (reader.read(corpus, file) instanceof ReadResult.Read read) {
                Article a = read.article();
                if (!shortTexts) { bodies.add(a.bodyText()); continue; }
                bodies.add(a.title());
                bodies.add(a.excerpt());
                StringBuilder labels = new StringBuilder();
                a.tags().forEach(t -> labels.append(t).append('\n'));
                Indexer.companiesOf(gazetteer, a).forEach(c -> labels.append(c).append('\n'));
                bodies.add(labels.toString());
            }
        }
        try (JapaneseAnalyzers analyzers = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
             MorphologyAndReading pass = analyzers.newMorphologyAndReading()) {
            long bestTwo = Long.MAX_VALUE, bestOne = Long.MAX_VALUE, bestMorph = Long.MAX_VALUE;
            for (int p = 0; p < 8; p++) {
                long t = CPU.getCurrentThreadCpuTime(); long n = 0;
                for (String b : bodies) { n += drain(analyzers.morphological().tokenStream("body", b)); n += drain(analyzers.reading().tokenStream("body_rd", b)); }
                long two = CPU.getCurrentThreadCpuTime() - t;
                t = CPU.getCurrentThreadCpuTime(); long m = 0;
                for (String b : bodies) { MorphologyAndReading.Views v = pass.of(b); m += drain(v.morphological()); m += drain(v.reading()); }
                long one = CPU.getCurrentThreadCpuTime() - t;
                t = CPU.getCurrentThreadCpuTime();
                for (String b : bodies) { drain(analyzers.morphological().tokenStream("body", b)); }
                long morph = CPU.getCurrentThreadCpuTime() - t;
                System.out.printf("pass %d: two analyzers %.2f s (%d tokens), one pass %.2f s (%d tokens), morphological alone %.2f s%n", p, two/1e9, n, one/1e9, m, morph/1e9);
                if (p > 1) { bestTwo = Math.min(bestTwo, two); bestOne = Math.min(bestOne, one); bestMorph = Math.min(bestMorph, morph); }
            }
            System.out.printf("best: two analyzers %.2f s, one pass %.2f s (%.2fx), morphological alone %.2f s%n", bestTwo/1e9, bestOne/1e9, (double) bestOne/bestTwo, bestMorph/1e9);
        }
    }
    static long drain(TokenStream s) throws Exception {
        long n = 0;
        try (s) { s.reset(); while (s.incrementToken()) n++; s.end(); }
        return n;
    }
}

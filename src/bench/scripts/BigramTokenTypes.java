import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import kensaku.analysis.*;
import org.apache.lucene.analysis.*;
import org.apache.lucene.analysis.tokenattributes.*;

/**
 * How many tokens each analysed view makes of the first N bodies of a corpus, by token type (the bigram view's
 * `<DOUBLE>`, `<SINGLE>`, `<ALPHANUM>`, `<NUM>`; the morphological view's words split into Latin and CJK):
 * `java -cp target/kensaku.jar src/bench/scripts/BigramTokenTypes.java /tmp/bench/c10000 500`.
 */
public class BigramTokenTypes {
    public static void main(String[] a) throws Exception {
        JapaneseAnalyzers an = new JapaneseAnalyzers(CompanyGazetteer.builtIn());
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(a[0]))) { files = s.filter(p -> p.toString().endsWith(".md")).limit(Integer.parseInt(a[1])).toList(); }
        Map<String,Long> bg = new TreeMap<>(), mo = new TreeMap<>();
        long chars=0;
        for (Path f : files) {
            String t = Files.readString(f);
            int i = t.indexOf("\n---", 4); if (i < 0) i = t.indexOf("\n+++", 4);
            String body = i < 0 ? t : t.substring(i + 4);
            chars += body.length();
            count(an.bigram(), body, bg);
            count(an.morphological(), body, mo);
        }
        System.out.println("chars " + chars);
        System.out.println("bigram " + bg);
        System.out.println("morph " + mo);
    }
    static void count(Analyzer an, String text, Map<String,Long> m) throws Exception {
        try (TokenStream ts = an.tokenStream("body", text)) {
            TypeAttribute ty = ts.addAttribute(TypeAttribute.class);
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String k = ty.type();
                if (k.equals("word")) { k = term.chars().allMatch(c -> c < 0x3000) ? "word-latin" : "word-cjk"; }
                m.merge(k, 1L, Long::sum);
            }
            ts.end();
        }
    }
}

package kensaku.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Synonym rules in Solr's format ({@code a, b, c} are equivalent; {@code a => b} searches b for a), parsed by
 * Lucene's {@link SolrSynonymParser} with the index chain, so each side is the very terms the index holds (a
 * multi-word side such as 生成AI becomes the token sequence 生成 ai).
 */
final class SynonymRules {
    private SynonymRules() {}

    /** The company aliases' rules and the operator's, as one map (the operator's may name companies too). */
    static SynonymMap build(String companyRules, AnalysisConfig.Text operator, Analyzer analyzer) {
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(new StringReader(companyRules));
            parser.parse(new StringReader(operator.content()));
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("synonyms cannot be built (" + operator.name() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Checks every line on its own (a rule never spans lines), so the first bad one is named with its number and
     * Lucene's reason: a third {@code =>}, an empty side, a word the chain removes entirely (a particle, a stop word).
     */
    static void check(AnalysisConfig.Text rules, Analyzer analyzer) throws InvalidAnalysisFileException {
        List<String> lines = rules.content().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
                parser.parse(new StringReader(line));
                parser.build();
            } catch (IOException | ParseException | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                throw new InvalidAnalysisFileException(rules.name(), i + 1, why + " (「" + line + "」)");
            }
        }
    }
}

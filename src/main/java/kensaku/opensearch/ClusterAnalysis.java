package kensaku.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import kensaku.analysis.AnalysisConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query-time analysis of a live cluster index, changed without a reindex: the synonyms and the company gazetteer go
 * into the index's dynamic settings {@value #SYNONYMS} and {@value #COMPANIES} (an ordinary settings update on the
 * open index, acknowledged once every node applied it), and {@link KensakuAnalysisPlugin} swaps each node's query
 * analyzer when they change. Index analysis settings, by contrast, can only change on a closed index, which would
 * fail searches; and OpenSearch's {@code _reload_search_analyzers} re-reads files on the nodes, which kensaku does
 * not own.
 */
public final class ClusterAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterAnalysis.class);
    /** The index settings, as registered by the plugin. */
    public static final String SYNONYMS = "index.kensaku.synonyms";
    public static final String COMPANIES = "index.kensaku.companies";
    static final String FIRST_LINE = "# kensaku analysis folder";

    private ClusterAnalysis() {}

    /** Sends the config's synonyms and gazetteer to the index behind the alias; logs and goes on when it cannot. */
    public static void push(ClusterClient client, String alias, AnalysisConfig config) {
        try {
            client.put("/" + alias + "/_settings", body(config));
            LOG.info("cluster index {}: query-time synonyms and companies updated", alias);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not update the query-time analysis of cluster index {}: {}", alias, e.getMessage());
        }
    }

    static ObjectNode body(AnalysisConfig config) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        lines(body.putArray(SYNONYMS), config.synonyms().content());
        lines(body.putArray(COMPANIES), config.gazetteer().toTsv());
        return body;
    }

    /**
     * The lines that mean something (comments and blank lines left out: the folder was checked already), after one
     * comment line, so that an empty file stays an empty list item rather than an absent setting (the built-in file)
     * and a one-line file is never mistaken for a comma-separated list.
     */
    static void lines(ArrayNode array, String text) {
        array.add(FIRST_LINE);
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(array::add);
    }
}

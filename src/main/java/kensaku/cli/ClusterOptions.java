package kensaku.cli;

import java.time.Duration;
import java.util.List;
import kensaku.opensearch.ClusterClient;
import picocli.CommandLine.Option;

/** Where the OpenSearch cluster is, for {@code index --target opensearch} and {@code serve --backend opensearch}. */
final class ClusterOptions {
    @Option(names = "--url", split = ",",
            description = "OpenSearch node URL(s), comma-separated or repeated (default: ${DEFAULT-VALUE}).",
            defaultValue = "http://127.0.0.1:9200")
    List<String> urls;

    @Option(names = "--alias", defaultValue = "kensaku",
            description = "Index alias in the cluster; each reindex builds a new index and moves it (default: ${DEFAULT-VALUE}).")
    String alias;

    ClusterClient client() {
        return new ClusterClient(ClusterClient.parseNodes(urls), Duration.ofSeconds(30));
    }
}

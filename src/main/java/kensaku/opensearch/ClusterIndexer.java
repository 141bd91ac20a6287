package kensaku.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kensaku.analysis.CompanyGazetteer;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.Problem;
import kensaku.corpus.ReadResult;
import kensaku.index.IndexProgress;
import kensaku.index.Indexer;
import kensaku.index.Withheld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the corpus into a new cluster index and switches the alias to it in one atomic {@code _aliases} call,
 * so readers see the old index or the new one, never a half-built one. The new index is filled through bulk
 * requests with refresh off, refreshed, waited on until its shards are active, and only then switched. The
 * generation it replaced is kept for a rollback; older ones are deleted. A build that indexes no article at all
 * switches nothing and deletes its own index.
 */
public final class ClusterIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterIndexer.class);
    private static final int BULK_DOCUMENTS = 500;
    private static final int BULK_BYTES = 8 * 1024 * 1024;
    private static final DateTimeFormatter GENERATION =
            DateTimeFormatter.ofPattern("uuuuMMdd't'HHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ClusterClient client;
    private final ClusterSchema schema;
    private final CompanyGazetteer gazetteer;
    private final ArticleReader reader;
    private final ObjectMapper json = new ObjectMapper();
    private final boolean includeDrafts;

    public ClusterIndexer(ClusterClient client, ClusterSchema schema, CompanyGazetteer gazetteer, ArticleReader reader) {
        this(client, schema, gazetteer, reader, false);
    }

    /** @param includeDrafts a preview build: drafts and unpublished posts are indexed too, marked as drafts */
    public ClusterIndexer(ClusterClient client, ClusterSchema schema, CompanyGazetteer gazetteer, ArticleReader reader,
                          boolean includeDrafts) {
        this.includeDrafts = includeDrafts;
        this.client = client;
        this.schema = schema;
        this.gazetteer = gazetteer;
        this.reader = reader;
    }

    /** Settings of a new index generation. */
    public record Layout(String alias, int shards, int replicas) {
        public Layout {
            if (!alias.equals(alias.toLowerCase(Locale.ROOT)) || alias.isBlank()) {
                throw new IllegalArgumentException("alias must be lower case: " + alias);
            }
            if (shards < 1 || replicas < 0) {
                throw new IllegalArgumentException("shards must be 1 or more and replicas 0 or more");
            }
        }
    }

    public ClusterIndexReport build(Path corpus, Layout layout, IndexProgress progress) throws IOException {
        Instant start = Instant.now();
        if (!Files.isDirectory(corpus)) {
            throw new IOException("corpus folder " + corpus + " does not exist or is not a folder");
        }
        List<Path> files = reader.listFiles(corpus);
        String index = layout.alias() + "-" + GENERATION.format(start);
        LOG.info("indexing {} files from {} into cluster index {} ({} shards, {} replicas, alias {})", files.size(),
                corpus, index, layout.shards(), layout.replicas(), layout.alias());
        progress.started(files.size());
        client.put("/" + index, schema.createIndexBody(layout.shards(), layout.replicas(), start));
        boolean switched = false;
        try {
            List<Problem> failed = new ArrayList<>();
            List<Withheld> withheld = new ArrayList<>();
            Map<String, Integer> companies = new HashMap<>();
            long[] bytes = {0};
            int indexed = write(corpus, files, index, failed, withheld, companies, bytes, progress, start);
            ObjectNode settings = json.createObjectNode();
            settings.putObject("index").put("refresh_interval", "1s");
            client.put("/" + index + "/_settings", settings);
            client.post("/" + index + "/_refresh", null);
            long documents = client.get("/" + index + "/_count").path("count").asLong();
            if (documents == 0) {
                throw new IOException("no article could be indexed from " + corpus + " (" + files.size() + " files, "
                        + failed.size() + " failed, " + withheld.size()
                        + " drafts, unpublished, opted out or expired); the alias " + layout.alias() + " was not switched");
            }
            awaitActive(index, layout.replicas());
            List<String> previous = aliased(layout.alias());
            switchAlias(layout.alias(), index, previous);
            switched = true;
            List<String> removed = removeOld(layout.alias(), index, previous);
            return new ClusterIndexReport(files.size(), indexed, failed, documents, companies, bytes[0],
                    Duration.between(start, Instant.now()), layout.alias(), index,
                    previous.isEmpty() ? null : previous.get(0), removed, withheld, includeDrafts);
        } finally {
            if (!switched) {
                deleteQuietly(index);
            }
        }
    }

    private int write(Path corpus, List<Path> files, String index, List<Problem> failed, List<Withheld> withheld,
                      Map<String, Integer> companies, long[] bytes, IndexProgress progress, Instant now)
            throws IOException {
        StringBuilder batch = new StringBuilder();
        List<Article> batchArticles = new ArrayList<>();
        Map<String, Set<String>> batchCompanies = new HashMap<>();
        int indexed = 0;
        for (Path file : files) {
            ReadResult result = reader.read(corpus, file);
            if (result instanceof ReadResult.Failed bad) {
                failed.add(bad.problem());
                progress.fileDone(result);
                continue;
            }
            Article article = ((ReadResult.Read) result).article();
            Withheld notLive = Withheld.of(article.id(), article.publishing(), now, includeDrafts);
            if (notLive != null) {
                withheld.add(notLive);
                if (!notLive.indexed()) {
                    progress.fileDone(result);
                    continue;
                }
            }
            Set<String> named = Indexer.companiesOf(gazetteer, article);
            ObjectNode action = json.createObjectNode();
            action.putObject("index").put("_index", index).put("_id", article.id());
            batch.append(json.writeValueAsString(action)).append('\n')
                    .append(json.writeValueAsString(schema.document(article, named))).append('\n');
            batchArticles.add(article);
            batchCompanies.put(article.id(), named);
            bytes[0] += sizeOf(file);
            progress.fileDone(result);
            if (batchArticles.size() >= BULK_DOCUMENTS || batch.length() >= BULK_BYTES) {
                indexed += flush(batch, batchArticles, batchCompanies, failed, companies);
            }
        }
        indexed += flush(batch, batchArticles, batchCompanies, failed, companies);
        return indexed;
    }

    /** Sends one bulk request; every item the cluster refuses is reported by article id with its reason. */
    private int flush(StringBuilder batch, List<Article> articles, Map<String, Set<String>> named,
                      List<Problem> failed, Map<String, Integer> companies) throws IOException {
        if (articles.isEmpty()) {
            return 0;
        }
        JsonNode answer = client.bulk(batch.toString());
        int indexed = 0;
        Iterator<JsonNode> items = answer.path("items").iterator();
        for (Article article : articles) {
            JsonNode item = items.hasNext() ? items.next().path("index") : null;
            if (item == null || item.has("error")) {
                String reason = item == null ? "no answer from the cluster"
                        : item.path("error").path("type").asText() + ": " + item.path("error").path("reason").asText();
                failed.add(new Problem(article.id(), "index: " + reason));
            } else {
                indexed++;
                named.get(article.id()).forEach(c -> companies.merge(c, 1, Integer::sum));
            }
        }
        batch.setLength(0);
        articles.clear();
        named.clear();
        return indexed;
    }

    /** Waits until every primary is active and, when the cluster has room for them, the replicas too. */
    private void awaitActive(String index, int replicas) throws IOException {
        JsonNode health = client.get("/_cluster/health/" + index + "?wait_for_status=green&timeout=30s");
        if (!"green".equals(health.path("status").asText())) {
            health = client.get("/_cluster/health/" + index + "?wait_for_status=yellow&timeout=30s");
            if ("red".equals(health.path("status").asText()) || health.path("timed_out").asBoolean()) {
                throw new IOException("the new index " + index + " has inactive primary shards: " + health);
            }
            LOG.warn("index {} is {}: not every one of its {} replica(s) could be placed; switching anyway", index,
                    health.path("status").asText(), replicas);
        }
    }

    /** The indexes the alias points to now (none on the first build). */
    private List<String> aliased(String alias) throws IOException {
        JsonNode current = client.getOrNull("/_alias/" + alias);
        List<String> indexes = new ArrayList<>();
        if (current != null) {
            current.fieldNames().forEachRemaining(indexes::add);
        }
        return indexes;
    }

    private void switchAlias(String alias, String index, List<String> previous) throws IOException {
        ObjectNode body = json.createObjectNode();
        ArrayNode actions = body.putArray("actions");
        for (String old : previous) {
            actions.addObject().putObject("remove").put("index", old).put("alias", alias);
        }
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
        client.post("/_aliases", body);
        LOG.info("alias {} now points to {} (was {})", alias, index, previous);
    }

    /** Deletes generations older than the one just replaced. */
    private List<String> removeOld(String alias, String index, List<String> previous) throws IOException {
        JsonNode all = client.get("/_cat/indices/" + alias + "-*?format=json&h=index");
        List<String> removed = new ArrayList<>();
        for (JsonNode row : all) {
            String name = row.path("index").asText();
            if (!name.equals(index) && !previous.contains(name) && name.startsWith(alias + "-")) {
                client.delete("/" + name);
                removed.add(name);
            }
        }
        return removed;
    }

    private void deleteQuietly(String index) {
        try {
            client.delete("/" + index);
        } catch (IOException e) {
            LOG.warn("could not delete the unfinished index {}: {}", index, e.toString());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

}

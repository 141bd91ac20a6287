package kensaku.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analytics.Analytics;
import kensaku.analysis.JapaneseAnalyzers;
import kensaku.cli.Main;
import kensaku.corpus.SiteUrls;
import kensaku.index.IndexDirectory;
import kensaku.index.IndexFixtures;
import kensaku.index.Schema;
import kensaku.search.lucene.LiveIndex;
import kensaku.search.lucene.SearchService;

/** A real index of the seeds plus test articles, served by a real server on a free port. */
final class ServerFixture implements AutoCloseable {
    static final Path TEST_ARTICLES = Path.of("src/test/resources/http/articles");
    /** More articles for the page's tests: a gap of empty months before the seeds, a tag naming a company. */
    static final Path PAGE_ARTICLES = Path.of("src/test/resources/http/page-articles");

    final Path corpus;
    final Path index;
    private final JapaneseAnalyzers analyzers;
    private final LiveIndex live;
    final SearchServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    ServerFixture(Path temp, Duration poll) throws IOException {
        this(temp, poll, List.of());
    }

    ServerFixture(Path temp, Duration poll, List<String> corsOrigins) throws IOException {
        this(temp, poll, corsOrigins, SiteUrls.none(IndexFixtures.TOKYO));
    }

    ServerFixture(Path temp, Duration poll, List<String> corsOrigins, SiteUrls siteUrls) throws IOException {
        this(temp, poll, corsOrigins, siteUrls, List.of(AccessLog.text()));
    }

    ServerFixture(Path temp, Duration poll, List<String> corsOrigins, SiteUrls siteUrls, List<RequestListener> listeners)
            throws IOException {
        this(temp, poll, corsOrigins, siteUrls, listeners, IndexFixtures.SEEDS, TEST_ARTICLES);
    }

    ServerFixture(Path temp, Duration poll, List<String> corsOrigins, SiteUrls siteUrls, List<RequestListener> listeners,
                  Path... folders) throws IOException {
        this(temp, poll, corsOrigins, siteUrls, listeners, null, folders);
    }

    /** As above, recording search analytics with {@code analytics} (null: off). */
    ServerFixture(Path temp, Duration poll, List<String> corsOrigins, SiteUrls siteUrls, List<RequestListener> listeners,
                  Analytics analytics, Path... folders) throws IOException {
        corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), folders);
        index = temp.resolve("index");
        int status = Main.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        if (status != 0) {
            throw new IllegalStateException("index exited with " + status);
        }
        CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();
        Schema schema = new Schema(IndexFixtures.TOKYO);
        analyzers = new JapaneseAnalyzers(gazetteer);
        live = new LiveIndex(new IndexDirectory(index), schema, poll);
        SearchService service = new SearchService(live, schema, analyzers, gazetteer, siteUrls);
        server = new SearchServer(analytics == null ? service : analytics.wrap(service),
                new ServerConfig("127.0.0.1", 0, corsOrigins), listeners, analytics).start();
    }

    /** Closes the index under the running server: every search then fails inside kensaku (a 500). */
    void closeIndex() throws IOException {
        live.close();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(Duration.ofSeconds(20))
                .header("Origin", "http://example.test").build(), HttpResponse.BodyHandlers.ofString());
    }

    record RawResponse(int status, String body) {}

    /** A request sent as raw bytes, for targets the JDK client refuses to send (malformed escapes). */
    RawResponse raw(String target) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String body = headerEnd < 0 ? "" : response.substring(headerEnd + 4);
            if (response.substring(0, Math.max(0, headerEnd)).toLowerCase(java.util.Locale.ROOT)
                    .contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new RawResponse(Integer.parseInt(response.split(" ", 3)[1]), body);
        }
    }

    int rawStatus(String target) throws IOException {
        return raw(target).status();
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            body.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
        return body.toString();
    }

    JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
        return json.readTree(get(pathAndQuery).body());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        live.close();
        analyzers.close();
    }
}

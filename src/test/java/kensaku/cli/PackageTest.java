package kensaku.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kensaku.index.IndexFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package as an operator gets it: built by src/dist/build-package (what {@code mvn -Pdist package} runs) from the
 * jar this build made, unpacked into a clean folder, and run with no Java on the PATH and no JAVA_HOME: index,
 * serve, /api/health, /metrics. Its systemd unit passes {@code systemd-analyze verify}.
 */
class PackageTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theTarballRunsWithItsOwnRuntime(@TempDir Path temp) throws Exception {
        Path jar = Path.of("target/kensaku.jar");
        assertTrue(Files.isRegularFile(jar), "the build makes the jar before the tests (pom.xml, process-classes)");
        Path logs = temp.resolve("logs");
        LaunchedProcess build = LaunchedProcess.start(logs, "build", Map.of("PATH", System.getenv("PATH"),
                        "JAVA_HOME", System.getProperty("java.home")),
                List.of("src/dist/build-package", "--jar", jar.toString(), "--version", "test", "--out",
                        temp.resolve("out").toString(), "--work", temp.resolve("work").toString()));
        assertEquals(0, build.exitStatus(Duration.ofMinutes(5)), build.stderr());
        Path tarball = temp.resolve("out/kensaku-test-linux-x64.tar.gz");
        assertTrue(Files.isRegularFile(tarball));

        Path unpacked = Files.createDirectories(temp.resolve("clean"));
        LaunchedProcess untar = LaunchedProcess.start(logs, "untar", null,
                List.of("tar", "-C", unpacked.toString(), "-xzf", tarball.toString()));
        assertEquals(0, untar.exitStatus(Duration.ofMinutes(1)), untar.stderr());
        Path home = unpacked.resolve("kensaku-test-linux-x64");
        for (String part : List.of("bin/kensaku", "lib/kensaku.jar", "runtime/bin/java", "conf/kensaku.toml",
                "systemd/kensaku.service", "README.md")) {
            assertTrue(Files.exists(home.resolve(part)), part);
        }

        // A PATH with the few tools bin/kensaku uses and no java; no JAVA_HOME.
        Path tools = Files.createDirectories(temp.resolve("tools"));
        for (String tool : List.of("bash", "dirname", "cat", "env")) {
            Files.createSymbolicLink(tools.resolve(tool), which(tool));
        }
        Path state = Files.createDirectories(temp.resolve("state"));
        Map<String, String> noJava = Map.of("PATH", tools.toString(), "HOME", temp.toString(),
                "KENSAKU_STATE_DIR", state.toString());
        Path corpus = IndexFixtures.corpusOf(temp.resolve("corpus"), IndexFixtures.SEEDS);
        String index = temp.resolve("index").toString();
        String kensaku = home.resolve("bin/kensaku").toString();

        LaunchedProcess indexing = LaunchedProcess.start(logs, "index", noJava,
                List.of(kensaku, "index", "--corpus", corpus.toString(), "--index", index));
        assertEquals(0, indexing.exitStatus(Duration.ofMinutes(3)), indexing.stderr());
        QuietStartTest.assertQuiet(indexing.stderr());

        // The shipped sample configuration, its paths and ports overridden by flags.
        try (LaunchedProcess serve = LaunchedProcess.start(logs, "serve", noJava,
                List.of(kensaku, "serve", "--config", home.resolve("conf/kensaku.toml").toString(),
                        "--corpus", corpus.toString(), "--index", index, "--port", "0", "--admin-port", "0"))) {
            int[] ports = serve.ports(Duration.ofMinutes(2));
            HttpResponse<String> health = get("http://127.0.0.1:" + ports[0] + "/api/health");
            assertEquals(200, health.statusCode());
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertEquals("ok", body.path("status").asText());
            assertEquals(5, body.path("documents").asInt());
            assertTrue(get("http://127.0.0.1:" + ports[1] + "/metrics").body().contains("kensaku_index_documents 5.0"));
            serve.stop();
            QuietStartTest.assertQuiet(serve.stderr());
            // The sample asks for JSON access lines on stdout.
            assertTrue(serve.stdout().contains("\"path\":\"/api/health\""), serve.stdout());
        }
        assertTrue(Files.isRegularFile(state.resolve("kensaku-serve.jsa")), "the class archive goes to the state folder");
        assertFalse(Files.exists(home.resolve("lib/kensaku-serve.jsa")), "nothing is written into the package");
    }

    @Test
    void theSystemdUnitVerifies(@TempDir Path temp) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze),
                "systemd-analyze is missing (.ci/install-test-tools installs Debian's systemd for it)");
        String unit = Files.readString(Path.of("src/dist/kensaku.service"), StandardCharsets.UTF_8);
        for (String setting : List.of("User=kensaku", "ProtectSystem=strict", "NoNewPrivileges=yes", "StateDirectory=kensaku",
                "ExecStart=/opt/kensaku/bin/kensaku serve --config /etc/kensaku/kensaku.toml")) {
            assertTrue(unit.contains("\n" + setting + "\n"), setting);
        }
        // verify checks that ExecStart's program exists: point it at this checkout's bin/kensaku.
        Path copy = temp.resolve("kensaku.service");
        Files.writeString(copy, unit.replace("/opt/kensaku/", Path.of("").toAbsolutePath() + "/"), StandardCharsets.UTF_8);
        LaunchedProcess verify = LaunchedProcess.start(temp.resolve("logs"), "verify", null,
                List.of(analyze.toString(), "verify", copy.toString()));
        int status = verify.exitStatus(Duration.ofMinutes(1));
        assertEquals(0, status, verify.stderr() + verify.stdout());
        assertEquals("", verify.stderr().strip(), "no complaint from systemd-analyze");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path which(String tool) {
        for (String folder : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(folder, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(tool + " not on the PATH");
    }
}

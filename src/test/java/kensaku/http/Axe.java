package kensaku.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility engine, run inside the page under test. It is a test-only npm package pinned by
 * src/test/browser/package-lock.json: when it is not installed yet, this installs it with {@code npm ci} (from the
 * npm registry, once; nothing is fetched while a page is tested), so {@code mvn -B test} works on a fresh machine.
 */
final class Axe {
    static final Path FOLDER = Path.of("src/test/browser");
    static final Path SCRIPT = FOLDER.resolve("node_modules/axe-core/axe.min.js");
    private static String source;

    private Axe() {}

    static synchronized String source() throws IOException, InterruptedException {
        if (source == null) {
            if (!Files.isRegularFile(SCRIPT)) {
                install();
            }
            source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        }
        return source;
    }

    private static void install() throws IOException, InterruptedException {
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(FOLDER.toFile())
                    .redirectErrorStream(true).redirectOutput(FOLDER.resolve("npm-ci.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("axe-core is not installed and npm is not on PATH; install Node.js and npm "
                    + "(Debian: apt-get install npm), or run 'npm ci' in " + FOLDER, e);
        }
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
            npm.destroyForcibly();
            throw new IllegalStateException("'npm ci' in " + FOLDER + " did not install axe-core; see "
                    + FOLDER.resolve("npm-ci.log") + ":\n" + Files.readString(FOLDER.resolve("npm-ci.log")));
        }
    }

    /** Rules the page once broke, checked whatever their impact. */
    static final java.util.Set<String> ALWAYS = java.util.Set.of("page-has-heading-one", "region", "landmark-one-main");

    /**
     * Violations of serious or critical impact on the page as it is now, and of the rules in {@link #ALWAYS}, as
     * "rule (impact): help [targets]" lines.
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(BrowserSession session) throws IOException, InterruptedException {
        session.js(source());
        Object result = session.browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'
                    || arguments[0].includes(v.id))
                    .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                   targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))))
                  .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
                """, List.copyOf(ALWAYS));
        return ((List<Map<String, Object>>) result).stream()
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " " + v.get("targets"))
                .toList();
    }
}

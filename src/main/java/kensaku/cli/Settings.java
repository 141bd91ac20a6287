package kensaku.cli;

import java.util.List;
import java.util.Set;

/**
 * Every setting a configuration file may hold. A setting's key is its command-line flag without the dashes
 * ({@code port} is {@code --port}), so an operator learns one vocabulary, and the value is converted and checked
 * by the same picocli converter as the flag. Adding a setting is one line here; the flag itself is declared on its
 * command as usual. A multi-valued flag needs {@code split = ","} so that a file's array can reach it.
 */
final class Settings {
    private Settings() {}

    /** The commands a configuration file configures; the others (eval, bench, …) take flags only. */
    static final Set<String> COMMANDS = Set.of("serve", "index", "search");

    static final List<String> KEYS = List.of(
            "corpus", "index",                                   // where the articles and the index are
            "zone", "analysis", "companies", "companies-mode",   // analysis and display
            "host", "port", "cors-origin", "backend",            // the public listener
            "site-url", "permalink", "site-generator",           // links to the publisher's live pages
            "admin-host", "admin-port", "admin-token", "log-format", // operations: metrics, admin page, logs
            "state", "no-analytics", "analytics-retention-days", // search analytics
            "verify-first-mb",                                   // checksums of the live index before serving
            "threads", "target", "shards", "replicas",           // indexing
            "url", "alias");                                     // the OpenSearch cluster
}

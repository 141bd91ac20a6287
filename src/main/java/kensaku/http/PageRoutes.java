package kensaku.http;

import io.javalin.config.JavalinConfig;
import kensaku.search.SearchService;

/**
 * Placeholder for the page work: the Japanese search page at "/" (server-rendered, upgraded by JavaScript),
 * article pages, and the static files under src/main/resources/web/.
 */
public final class PageRoutes {
    public PageRoutes(SearchService service) { }

    /** Registers the page routes and static files on a Javalin config being built by {@link SearchServer}. */
    public void addTo(JavalinConfig config) { }
}

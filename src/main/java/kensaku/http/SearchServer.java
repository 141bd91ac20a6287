package kensaku.http;

import kensaku.search.SearchService;

/**
 * Placeholder for the HTTP work: owns the Javalin server (API, page, static files) and closes it.
 */
public final class SearchServer implements AutoCloseable {
    public SearchServer(SearchService service, ServerConfig config) { }

    /** Starts listening; returns this. */
    public SearchServer start() { throw new UnsupportedOperationException("todo"); }

    /** The port actually bound (useful with port 0). */
    public int port() { throw new UnsupportedOperationException("todo"); }

    @Override
    public void close() { }
}

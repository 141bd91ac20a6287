package kensaku.search;

/** How busy the search engine is right now, for an operator's metrics: read on demand, never pushed. */
public interface SearchLoad {
    /** Searches holding a slot. */
    int searchesRunning();

    /** Searches waiting for a slot because all are taken. */
    int searchesWaiting();
}

package kensaku.bench;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** A search server under test: how to ask it one of the mix's queries and read the ids of its answer. */
interface Engine {
    String name();

    URI uri(QueryMix.Query query);

    /**
     * The ids (or suggestion texts) in the answer, in order; checksummed so different answers are caught. Read
     * from the bytes with a streaming parser that skips what it does not need (snippets, facets, drilldowns): the
     * load generator shares the cores with the server it measures.
     */
    List<String> ids(QueryMix.Query query, byte[] body) throws IOException;
}

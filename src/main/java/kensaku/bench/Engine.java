package kensaku.bench;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** A search server under test: how to ask it one of the mix's queries and read the ids of its answer. */
interface Engine {
    String name();

    URI uri(QueryMix.Query query);

    /** The ids (or suggestion texts) in the answer, in order; checksummed so different answers are caught. */
    List<String> ids(QueryMix.Query query, String body) throws IOException;
}

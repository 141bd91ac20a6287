package kensaku.search.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import kensaku.index.Schema;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import kensaku.search.IncompatibleIndexException;
import kensaku.search.IndexInfo;
import kensaku.search.Visibility;
import kensaku.search.lucene.facets.FacetOrdinals;
import kensaku.search.plan.FacetLimits;

/**
 * One open index generation: its reader, searcher and the per-reader facet state, built once here rather than
 * per query. Reference-counted through the reader, so a generation replaced by a reindex stays open until the
 * last request using it has finished.
 */
final class IndexSnapshot {
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetOrdinals facetOrdinals;
    private final IndexInfo info;
    private final Path folder;
    private final PublishingBounds publishing;
    private Suggester suggester;

    private IndexSnapshot(Path folder, FSDirectory directory, DirectoryReader reader, Schema schema) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.facetState = new DefaultSortedSetDocValuesReaderState(reader, schema.facetsConfig());
        this.facetOrdinals = FacetOrdinals.read(facetState, FacetLimits.SHOWN);
        this.info = infoOf(folder, reader);
        this.publishing = PublishingBounds.of(reader);
    }

    static IndexSnapshot open(Path folder, Schema schema) throws IOException {
        FSDirectory directory = FSDirectory.open(folder);
        DirectoryReader reader = null;
        try {
            reader = DirectoryReader.open(directory);
            checkVersion(folder, reader);
            return new IndexSnapshot(folder, directory, reader, schema);
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                reader.close();
            }
            directory.close();
            throw e;
        }
    }

    private static void checkVersion(Path folder, DirectoryReader reader) throws IOException {
        String version = reader.getIndexCommit().getUserData().get(Schema.COMMIT_SCHEMA_VERSION);
        if (!Integer.toString(Schema.VERSION).equals(version)) {
            throw new IncompatibleIndexException("the index at " + folder + " has schema version " + version
                    + " but this kensaku reads version " + Schema.VERSION + "; run the index command to rebuild it");
        }
    }

    private static IndexInfo infoOf(Path folder, DirectoryReader reader) throws IOException {
        Map<String, String> data = reader.getIndexCommit().getUserData();
        return new IndexInfo(folder.getFileName().toString(), reader.numDocs(),
                Integer.parseInt(data.get(Schema.COMMIT_SCHEMA_VERSION)), data.get(Schema.COMMIT_BUILT_AT),
                data.get(Schema.COMMIT_ZONE));
    }

    /**
     * Built once per generation (by the live index before it serves the generation, or else on first use) and
     * again whenever a scheduled article has gone live or one has expired since: it offers only what is shown now.
     */
    synchronized Suggester suggester(kensaku.analysis.CompanyGazetteer gazetteer, Visibility visibility,
                                     java.time.Instant now) throws IOException {
        if (suggester == null || !suggester.servesAt(visibility, now)) {
            suggester = new Suggester(searcher(), facetState(), publishing(), gazetteer, visibility, now);
        }
        return suggester;
    }

    synchronized boolean hasSuggester() {
        return suggester != null;
    }

    /** Whether the suggester built last is out of date at this moment (false when none was built yet). */
    synchronized boolean suggesterStale(Visibility visibility, java.time.Instant now) {
        return suggester != null && !suggester.servesAt(visibility, now);
    }

    PublishingBounds publishing() {
        return publishing;
    }

    boolean tryRetain() {
        return reader.tryIncRef();
    }

    void release() throws IOException {
        reader.decRef();
        if (reader.getRefCount() == 0) {
            directory.close();
        }
    }

    Path folder() {
        return folder;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /**
     * A searcher of its own for one request, which stops collecting once the budget is spent; cheap, since it
     * shares the reader and the query cache.
     */
    IndexSearcher searcherWithin(long millis) {
        IndexSearcher timed = new IndexSearcher(reader);
        timed.setTimeout(new org.apache.lucene.index.QueryTimeoutImpl(millis));
        return timed;
    }

    DirectoryReader reader() {
        return reader;
    }

    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    FacetOrdinals facetOrdinals() {
        return facetOrdinals;
    }

    IndexInfo info() {
        return info;
    }
}

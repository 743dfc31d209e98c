package vn.govmail.mailserver.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.text.VietnameseAnalyzer;

/**
 * The Lucene index on disk: one writer, near-real-time searchers, and a durable commit every
 * {@value #COMMIT_SECONDS} seconds when something
 * changed (a Lucene commit is atomic and fsync'd: after a kill -9 the index is the last commit, and the catch-up
 * ({@link IndexCatchUp}) adds whatever came after it).
 */
final class SearchIndexStore implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchIndexStore.class);

    /**
     * Version of the document layout, recorded in every commit. An index of another version (fields missing) is
     * emptied at start; {@link IndexCatchUp} then indexes every message again, as on a first start.
     */
    private static final String FORMAT_KEY = "govmail.search.format";
    private static final String FORMAT = "2";
    /**
     * Searches never wait for a commit (they read the writer's near-real-time view), and what a crash loses since
     * the last commit is indexed again by the catch-up: the interval only trades that re-indexing against the cost
     * of a commit (a new small segment, merges, fsync) during a delivery burst.
     */
    static final int COMMIT_SECONDS = 30;

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-commit");
        thread.setDaemon(true);
        return thread;
    });

    SearchIndexStore(Path path) throws IOException {
        directory = FSDirectory.open(path);
        boolean current = !DirectoryReader.indexExists(directory)
            || FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
        if (!current) {
            LOGGER.info("The search index in {} has an older format: it is emptied and rebuilt from the mailboxes by the catch-up", path);
        }
        IndexWriterConfig config = new IndexWriterConfig(new VietnameseAnalyzer())
            .setOpenMode(current ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
            .setRAMBufferSizeMB(32);
        writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
        writer.commit();
        searchers = new SearcherManager(writer, new SearcherFactory());
        committer.scheduleWithFixedDelay(this::commitQuietly, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
    }

    void upsert(String key, Document document) {
        try {
            writer.updateDocument(new Term(IndexFields.KEY, key), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Query query) {
        try {
            writer.deleteDocuments(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteKey(String key) {
        delete(new TermQuery(new Term(IndexFields.KEY, key)));
    }

    /** Every document matching {@code query}, with only {@code fields} loaded. Sees every write made before. */
    List<Document> find(Query query, Set<String> fields) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                int count = searcher.count(query);
                List<Document> documents = new ArrayList<>(count);
                if (count == 0) {
                    return documents;
                }
                StoredFields stored = searcher.storedFields();
                ScoreDoc[] hits = searcher.search(query, count).scoreDocs;
                int[] ids = new int[hits.length];
                for (int i = 0; i < hits.length; i++) {
                    ids[i] = hits[i].doc;
                }
                java.util.Arrays.sort(ids); // stored fields read fastest in index order
                for (int id : ids) {
                    documents.add(stored.document(id, fields));
                }
                return documents;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UIDs of the documents matching {@code query}, from doc values (no stored-field reads). */
    Set<Long> uids(Query query) {
        try {
            return withSearcher(searcher -> searcher.search(query, new UidCollectorManager()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Count, sum and highest UID of the documents matching {@code query}. */
    UidSummaryCollectorManager.UidSummary uidSummary(Query query) {
        try {
            return withSearcher(searcher -> searcher.search(query, new UidSummaryCollectorManager()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code work} with a fresh searcher (ranked searches of the webmail API). */
    <T> T withSearcher(SearcherWork<T> work) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (Exception e) {
            LOGGER.error("Could not commit the search index (the catch-up at next start repairs it)", e);
        }
    }

    int documentCount() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() throws IOException {
        // No interrupt: a commit interrupted half-way leaves the writer unable to close ("prepareCommit was already
        // called"); let a running one finish.
        committer.shutdown();
        try {
            committer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }
}

package vn.govmail.mailserver.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.mailbox.AttachmentContentLoader;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.extractor.TextExtractor;
import org.apache.james.lifecycle.api.Startable;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.database.GovmailDataSource;

/** The parts of the search index, built once: the index under {@code <data>/search-index} and its workers. */
@Singleton
public class SearchComponents implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchComponents.class);

    /** Attachments above this size are indexed by name only. */
    static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;
    /** Text kept per attachment, and per message in total. */
    static final int MAX_ATTACHMENT_CHARS = 1_000_000;
    static final int MAX_MESSAGE_CHARS = 4_000_000;
    static final Duration ATTACHMENT_TIMEOUT = Duration.ofSeconds(20);

    private final SearchIndexStore store;
    private final MessageIndexer indexer;
    private final IndexingQueue queue;
    private final IndexedSearch indexedSearch;
    private final IndexCatchUp catchUp;
    private final UserMailSearch userMailSearch;

    @Inject
    public SearchComponents(JamesDirectoriesProvider directories, MailboxSessionMapperFactory mappers, SessionProvider sessions,
                            TextExtractor textExtractor, AttachmentContentLoader attachmentContentLoader,
                            GovmailDataSource database) throws IOException {
        Path path = Path.of(directories.getRootDirectory()).resolve("search-index");
        Files.createDirectories(path);
        store = new SearchIndexStore(path);
        LOGGER.info("Search index at {} ({} documents)", path, store.documentCount());
        MessageTextExtractor extractor = new MessageTextExtractor(
            new AttachmentTextExtractor(MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_CHARS, ATTACHMENT_TIMEOUT), MAX_MESSAGE_CHARS);
        indexer = new MessageIndexer(store, extractor);
        MailboxReconciler reconciler = new MailboxReconciler(mappers, store, indexer, new StoredUidSummary(database.dataSource()));
        queue = new IndexingQueue(mappers, sessions, indexer);
        indexedSearch = new IndexedSearch(mappers, reconciler, new IndexedTextMatcher(store), store, textExtractor, attachmentContentLoader);
        catchUp = new IndexCatchUp(mappers, sessions, reconciler, store);
        userMailSearch = new UserMailSearch(mappers, sessions, reconciler, new RankedSearch(store));
    }

    MessageIndexer indexer() {
        return indexer;
    }

    IndexingQueue queue() {
        return queue;
    }

    IndexedSearch indexedSearch() {
        return indexedSearch;
    }

    /** One user's ranked search of their own mail (user API, admin route). */
    public UserMailSearch userMailSearch() {
        return userMailSearch;
    }

    void startCatchUp() {
        catchUp.startInBackground();
    }

    @PreDestroy
    public void close() throws IOException {
        queue.close();
        store.commit();
        store.close();
    }
}

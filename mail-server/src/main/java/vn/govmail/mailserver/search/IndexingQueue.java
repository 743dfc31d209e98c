package vn.govmail.mailserver.search;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes added messages on a background thread, so that delivery (SMTP, APPEND, COPY) never waits for text
 * extraction. The queue lives in memory on purpose: what it holds at a crash is found again by {@link IndexCatchUp}
 * at the next start, and by any search of the mailbox before that.
 */
final class IndexingQueue implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(IndexingQueue.class);

    private final MailboxSessionMapperFactory mappers;
    private final SessionProvider sessions;
    private final MessageIndexer indexer;
    private final AtomicInteger pending = new AtomicInteger();
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
            Thread thread = new Thread(runnable, "search-indexing");
            thread.setDaemon(true);
            return thread;
        });

    IndexingQueue(MailboxSessionMapperFactory mappers, SessionProvider sessions, MessageIndexer indexer) {
        this.mappers = mappers;
        this.sessions = sessions;
        this.indexer = indexer;
    }

    void submit(Username user, MailboxId mailboxId, List<MessageUid> uids) {
        pending.incrementAndGet();
        worker.execute(() -> {
            try {
                index(user, mailboxId, uids);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    int pending() {
        return pending.get();
    }

    private void index(Username user, MailboxId mailboxId, List<MessageUid> uids) {
        MailboxSession session = sessions.createSystemSession(user);
        try {
            Mailbox mailbox = mappers.getMailboxMapper(session).findMailboxById(mailboxId).block();
            MessageMapper messages = mappers.getMessageMapper(session);
            for (MessageRange range : MessageRange.toRanges(uids)) {
                messages.findInMailbox(mailbox, range, MessageMapper.FetchType.FULL, -1).forEachRemaining(message -> {
                    try {
                        indexer.index(mailbox, message);
                    } catch (Exception e) {
                        LOGGER.warn("Message {} of mailbox {} could not be indexed now: {}", message.getUid().asLong(), mailboxId.serialize(), e.toString());
                    }
                });
            }
        } catch (Exception e) {
            // The mailbox may be gone already; anything else is repaired by the next search or start.
            LOGGER.info("Indexing {} message(s) of mailbox {} deferred: {}", uids.size(), mailboxId.serialize(), e.toString());
        } finally {
            mappers.endProcessingRequest(session);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

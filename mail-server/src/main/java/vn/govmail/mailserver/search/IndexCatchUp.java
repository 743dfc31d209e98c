package vn.govmail.mailserver.search;

import java.util.List;
import java.util.Set;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At every start, in the background: compares each mailbox in PostgreSQL with the index and indexes what is missing
 * (everything, the first time; after a kill -9, the messages of the last uncommitted second and of the in-memory
 * queue). No admin action is needed after a crash; searches stay exact meanwhile because a search reconciles its
 * own mailbox first.
 */
final class IndexCatchUp {
    private static final Logger LOGGER = LoggerFactory.getLogger(IndexCatchUp.class);
    private static final Username SYSTEM = Username.of("search-index-catch-up");

    private final MailboxSessionMapperFactory mappers;
    private final SessionProvider sessions;
    private final MailboxReconciler reconciler;
    private final SearchIndexStore store;

    IndexCatchUp(MailboxSessionMapperFactory mappers, SessionProvider sessions, MailboxReconciler reconciler, SearchIndexStore store) {
        this.mappers = mappers;
        this.sessions = sessions;
        this.reconciler = reconciler;
        this.store = store;
    }

    void startInBackground() {
        Thread thread = new Thread(this::run, "search-index-catch-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * Documents of mailboxes deleted while their deletion event was lost (crash) or raced an indexing. The list is
     * read again just before, so a mailbox created while the catch-up ran keeps its documents.
     */
    private void forgetDeletedMailboxes(MailboxSession session) {
        List<Mailbox> mailboxes = mappers.getMailboxMapper(session).list().collectList().block();
        store.delete(new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
            .add(new TermInSetQuery(IndexFields.MAILBOX, mailboxes.stream().map(m -> new BytesRef(m.getMailboxId().serialize())).toList()),
                BooleanClause.Occur.MUST_NOT)
            .build());
    }

    void run() {
        long start = System.nanoTime();
        MailboxSession session = sessions.createSystemSession(SYSTEM);
        int mailboxCount = 0;
        int added = 0;
        try {
            List<Mailbox> mailboxes = mappers.getMailboxMapper(session).list().collectList().block();
            for (Mailbox mailbox : mailboxes) {
                MailboxSession mailboxSession = sessions.createSystemSession(SYSTEM);
                try {
                    Set<Long> existing = reconciler.existingUids(mailboxSession, mailbox);
                    Set<Long> indexedBefore = reconciler.indexedUids(mailbox);
                    long missing = existing.stream().filter(uid -> !indexedBefore.contains(uid)).count();
                    Set<Long> failed = reconciler.reconcile(mailboxSession, mailbox, existing, Integer.MAX_VALUE);
                    added += (int) (missing - failed.size());
                    mailboxCount++;
                } catch (Exception e) {
                    LOGGER.warn("Search index catch-up skipped mailbox {}: {}", mailbox.getMailboxId().serialize(), e.toString());
                } finally {
                    mappers.endProcessingRequest(mailboxSession);
                }
            }
            forgetDeletedMailboxes(session);
            store.commit();
            LOGGER.info("Search index catch-up: {} mailbox(es) checked, {} message(s) indexed, in {} ms",
                mailboxCount, added, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            LOGGER.error("Search index catch-up failed; searches still reconcile their mailbox", e);
        } finally {
            mappers.endProcessingRequest(session);
        }
    }
}

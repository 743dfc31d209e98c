package vn.govmail.mailserver.search;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index of one mailbox in line with the mailbox in PostgreSQL, which is the truth: indexes the messages
 * the index lacks (lost with the last uncommitted second before a crash, or not yet reached by the event queue)
 * and removes documents of messages that are gone.
 */
final class MailboxReconciler {
    private static final Logger LOGGER = LoggerFactory.getLogger(MailboxReconciler.class);

    private final MailboxSessionMapperFactory mappers;
    private final SearchIndexStore store;
    private final MessageIndexer indexer;
    private final StoredUidSummary stored;
    /**
     * Mailboxes whose index was found complete by a full comparison in this process (the catch-up at start, or a
     * search). Only for them is the cheap comparison of {@link #quickCheck} trusted: after a crash the set is empty,
     * so every mailbox gets the full comparison once, whatever the crash left in the index.
     */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    MailboxReconciler(MailboxSessionMapperFactory mappers, SearchIndexStore store, MessageIndexer indexer, StoredUidSummary stored) {
        this.mappers = mappers;
        this.store = store;
        this.indexer = indexer;
        this.stored = stored;
    }

    static Query mailboxQuery(Mailbox mailbox) {
        return new TermQuery(new Term(IndexFields.MAILBOX, mailbox.getMailboxId().serialize()));
    }

    /** UIDs of {@code mailbox} that have a document in the index. */
    Set<Long> indexedUids(Mailbox mailbox) {
        return store.uids(mailboxQuery(mailbox));
    }

    /**
     * The cheap comparison that lets a search skip listing the mailbox: for a mailbox verified before in this
     * process, the count and sum of the indexed UIDs must equal those of PostgreSQL up to the highest indexed UID.
     * Messages above it (delivered since, their indexing still queued) are then the only ones missing, and are
     * returned. In this process the index only diverges through events it has seen (an add still queued or failed
     * changes the count; expunges are applied at once), which the comparison catches.
     *
     * @return the UIDs missing from the index (ascending), or empty when only the full comparison can tell
     */
    Optional<List<Long>> quickCheck(Mailbox mailbox) {
        if (!verified.contains(mailbox.getMailboxId().serialize())) {
            return Optional.empty();
        }
        UidSummaryCollectorManager.UidSummary index = store.uidSummary(mailboxQuery(mailbox));
        try {
            return stored.summary(mailbox.getMailboxId(), index.max())
                .filter(database -> database.count() == index.count() && database.sum() == index.sum())
                .map(StoredUidSummary.Summary::above);
        } catch (SQLException e) {
            LOGGER.warn("Could not summarise mailbox {} in PostgreSQL, comparing it in full: {}", mailbox.getMailboxId().serialize(), e.toString());
            return Optional.empty();
        }
    }

    /** Records that the index of {@code mailbox} was just found complete by a full comparison. */
    void markVerified(Mailbox mailbox) {
        verified.add(mailbox.getMailboxId().serialize());
    }

    /** Indexes the given messages now; false if one of them failed. */
    boolean indexNow(MailboxSession session, Mailbox mailbox, List<Long> uids) {
        MessageMapper messages = mappers.getMessageMapper(session);
        boolean all = true;
        for (long uid : uids) {
            all &= indexOne(messages, mailbox, uid);
        }
        return all;
    }

    /**
     * Indexes at most {@code limit} of the messages missing from the index, and forgets removed ones.
     *
     * @return the UIDs still missing afterwards (over the limit, or failing to index)
     */
    Set<Long> reconcile(MailboxSession session, Mailbox mailbox, Set<Long> existingUids, int limit) throws MailboxException {
        Set<Long> indexed = indexedUids(mailbox);
        Set<Long> gone = new HashSet<>(indexed);
        gone.removeAll(existingUids);
        if (!gone.isEmpty()) {
            indexer.delete(mailbox.getMailboxId(), gone.stream().map(MessageUid::of).toList());
        }
        TreeSet<Long> missing = new TreeSet<>(existingUids);
        missing.removeAll(indexed);
        Set<Long> stillMissing = new HashSet<>();
        MessageMapper messages = mappers.getMessageMapper(session);
        int done = 0;
        for (long uid : missing) {
            if (done++ >= limit) {
                stillMissing.add(uid);
                continue;
            }
            if (!indexOne(messages, mailbox, uid)) {
                stillMissing.add(uid);
            }
        }
        if (stillMissing.isEmpty()) {
            markVerified(mailbox);
        }
        return stillMissing;
    }

    Set<Long> existingUids(MailboxSession session, Mailbox mailbox) {
        List<MessageUid> uids = mappers.getMessageMapper(session).listAllMessageUids(mailbox).collectList().block();
        Set<Long> result = new HashSet<>();
        uids.forEach(uid -> result.add(uid.asLong()));
        return result;
    }

    private boolean indexOne(MessageMapper messages, Mailbox mailbox, long uid) {
        try {
            var found = messages.findInMailbox(mailbox, MessageRange.one(MessageUid.of(uid)), MessageMapper.FetchType.FULL, 1);
            if (found.hasNext()) {
                MailboxMessage message = found.next();
                indexer.index(mailbox, message);
            }
            return true;
        } catch (Exception e) {
            LOGGER.warn("Message {} of mailbox {} could not be indexed: {}", uid, mailbox.getMailboxId().serialize(), e.toString());
            return false;
        }
    }
}

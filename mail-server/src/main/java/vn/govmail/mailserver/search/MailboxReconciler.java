package vn.govmail.mailserver.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.lucene.index.Term;
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

    MailboxReconciler(MailboxSessionMapperFactory mappers, SearchIndexStore store, MessageIndexer indexer) {
        this.mappers = mappers;
        this.store = store;
        this.indexer = indexer;
    }

    /** UIDs of {@code mailbox} that have a document in the index. */
    Set<Long> indexedUids(Mailbox mailbox) {
        return store.uids(new TermQuery(new Term(IndexFields.MAILBOX, mailbox.getMailboxId().serialize())));
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

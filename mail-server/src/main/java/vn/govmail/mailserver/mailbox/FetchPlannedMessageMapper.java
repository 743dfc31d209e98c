package vn.govmail.mailserver.mailbox;

import java.util.Iterator;
import java.util.List;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.Query;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.jpa.mail.JPAMessageMapper;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.jpa.mail.model.openjpa.JPAMailboxMessage;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxCounters;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.openjpa.persistence.FetchPlan;
import org.apache.openjpa.persistence.OpenJPAPersistence;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * James's JPA message mapper, reading what a fetch needs in one statement instead of one per message.
 *
 * <p>James maps a message's header and body bytes as lazy LOB fields and ignores the {@link FetchType} it is
 * given, so {@code FETCH 1:* (FLAGS ENVELOPE)} ran one query for the messages and then one more per message
 * for its header bytes (and {@code BODY[]} two more: header and body). Here the fetch type becomes an OpenJPA
 * fetch plan: {@code HEADERS} loads the header column with the rows, {@code FULL} the header and body columns,
 * {@code METADATA} neither (as before). The rows, their order and their content are the same; only the number
 * of round trips changes. The first unseen message is looked up by its UID alone instead of loading the entity.
 */
class FetchPlannedMessageMapper extends JPAMessageMapper {
    private static final String HEADER_FIELD = "header";
    private static final String BODY_FIELD = "body";
    /** Up to this many messages a fetch of whole messages loads their bodies with the rows (see fewMessages). */
    static final int EAGER_BODIES = 50;

    FetchPlannedMessageMapper(JPAUidProvider uidProvider, JPAModSeqProvider modSeqProvider, EntityManagerFactory entityManagerFactory) {
        super(uidProvider, modSeqProvider, entityManagerFactory);
    }

    @Override
    public Iterator<MailboxMessage> findInMailbox(Mailbox mailbox, MessageRange range, FetchType fetchType, int max) throws MailboxException {
        return find(mailbox, range, fetchType, max).iterator();
    }

    @Override
    public Flux<MailboxMessage> findInMailboxReactive(Mailbox mailbox, MessageRange range, FetchType fetchType, int limit) {
        return Flux.defer(() -> {
            try {
                return Flux.fromIterable(find(mailbox, range, fetchType, limit));
            } catch (MailboxException e) {
                return Flux.error(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public MessageUid findFirstUnseenMessageUid(Mailbox mailbox) throws MailboxException {
        try {
            List<?> uids = getEntityManager().createQuery(
                    "SELECT message.uid FROM MailboxMessage message WHERE message.mailbox.mailboxId = :idParam"
                        + " AND message.seen = FALSE ORDER BY message.uid ASC")
                .setParameter("idParam", rawId(mailbox))
                .setMaxResults(1)
                .getResultList();
            return uids.isEmpty() ? null : MessageUid.of((Long) uids.get(0));
        } catch (PersistenceException e) {
            throw new MailboxException("Search of first unseen message failed in mailbox " + mailbox, e);
        }
    }

    @Override
    public MailboxCounters getMailboxCounters(Mailbox mailbox) throws MailboxException {
        try {
            Object[] counts = (Object[]) getEntityManager().createQuery(
                    "SELECT COUNT(message), SUM(CASE WHEN message.seen = FALSE THEN 1 ELSE 0 END)"
                        + " FROM MailboxMessage message WHERE message.mailbox.mailboxId = :idParam")
                .setParameter("idParam", rawId(mailbox))
                .getSingleResult();
            return MailboxCounters.builder()
                .mailboxId(mailbox.getMailboxId())
                .count(asLong(counts[0]))
                .unseen(asLong(counts[1]))
                .build();
        } catch (PersistenceException e) {
            throw new MailboxException("Count of messages failed in mailbox " + mailbox, e);
        }
    }

    private List<MailboxMessage> find(Mailbox mailbox, MessageRange range, FetchType fetchType, int max) throws MailboxException {
        try {
            Query query = rangeQuery(rawId(mailbox), range);
            if (max > 0) {
                query.setMaxResults(max);
            }
            planContent(query, fetchType, fewMessages(range, max));
            @SuppressWarnings("unchecked")
            List<MailboxMessage> messages = query.getResultList();
            return messages;
        } catch (PersistenceException e) {
            throw new MailboxException("Search of MessageRange " + range + " failed in mailbox " + mailbox.getMailboxId().serialize(), e);
        }
    }

    /** James's named queries (same rows, same order as {@link JPAMessageMapper}). */
    private Query rangeQuery(long mailboxId, MessageRange range) {
        return switch (range.getType()) {
            case ONE -> getEntityManager().createNamedQuery("findMessagesInMailboxWithUID")
                .setParameter("idParam", mailboxId)
                .setParameter("uidParam", range.getUidFrom().asLong())
                .setMaxResults(1);
            case FROM -> getEntityManager().createNamedQuery("findMessagesInMailboxAfterUID")
                .setParameter("idParam", mailboxId)
                .setParameter("uidParam", range.getUidFrom().asLong());
            case RANGE -> getEntityManager().createNamedQuery("findMessagesInMailboxBetweenUIDs")
                .setParameter("idParam", mailboxId)
                .setParameter("fromParam", range.getUidFrom().asLong())
                .setParameter("toParam", range.getUidTo().asLong());
            case ALL -> getEntityManager().createNamedQuery("findMessagesInMailbox")
                .setParameter("idParam", mailboxId);
        };
    }

    /**
     * Bodies are loaded with the rows only for a few messages: for a whole mailbox (FETCH 1:* BODYSTRUCTURE) the
     * driver would buffer every body of the result at once, so there each body stays lazy, read when its message
     * is written out, as in James.
     */
    static boolean fewMessages(MessageRange range, int max) {
        boolean fewUids = switch (range.getType()) {
            case ONE -> true;
            case RANGE -> range.getUidTo().asLong() - range.getUidFrom().asLong() < EAGER_BODIES;
            case FROM, ALL -> false;
        };
        return fewUids || (max > 0 && max <= EAGER_BODIES);
    }

    private static void planContent(Query query, FetchType fetchType, boolean withBodies) {
        FetchPlan plan = OpenJPAPersistence.cast(query).getFetchPlan();
        switch (fetchType) {
            case METADATA -> {
                // flags, sizes, dates and properties only: the LOB columns stay lazy, as in James
            }
            case HEADERS -> plan.addField(JPAMailboxMessage.class, HEADER_FIELD);
            case FULL, ATTACHMENTS_METADATA -> {
                plan.addField(JPAMailboxMessage.class, HEADER_FIELD);
                if (withBodies) {
                    plan.addField(JPAMailboxMessage.class, BODY_FIELD);
                }
            }
        }
    }

    private static long rawId(Mailbox mailbox) {
        return ((JPAId) mailbox.getMailboxId()).getRawId();
    }

    private static long asLong(Object count) {
        return count == null ? 0 : ((Number) count).longValue();
    }
}

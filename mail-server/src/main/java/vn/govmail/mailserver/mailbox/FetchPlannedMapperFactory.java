package vn.govmail.mailserver.mailbox;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.store.mail.MessageMapper;

/**
 * James's JPA mapper factory whose message mappers load what a fetch needs in one query
 * ({@link FetchPlannedMessageMapper}), on tables with the indexes those reads need ({@link MessageChildTableIndexes}).
 */
public class FetchPlannedMapperFactory extends JPAMailboxSessionMapperFactory {
    private final EntityManagerFactory entityManagerFactory;
    private final JPAUidProvider uidProvider;
    private final JPAModSeqProvider modSeqProvider;

    @Inject
    public FetchPlannedMapperFactory(EntityManagerFactory entityManagerFactory, JPAUidProvider uidProvider, JPAModSeqProvider modSeqProvider) {
        super(entityManagerFactory, uidProvider, modSeqProvider); // builds James's tables if missing
        MessageChildTableIndexes.ensure(entityManagerFactory);
        this.entityManagerFactory = entityManagerFactory;
        this.uidProvider = uidProvider;
        this.modSeqProvider = modSeqProvider;
    }

    @Override
    public MessageMapper createMessageMapper(MailboxSession session) {
        return new FetchPlannedMessageMapper(uidProvider, modSeqProvider, entityManagerFactory);
    }
}

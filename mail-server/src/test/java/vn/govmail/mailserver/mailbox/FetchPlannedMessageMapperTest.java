package vn.govmail.mailserver.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.Flags;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.jpa.mail.JPAMailboxMapper;
import org.apache.james.mailbox.jpa.mail.JPAMessageMapper;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.jpa.mail.model.JPAMailbox;
import org.apache.james.mailbox.jpa.mail.model.openjpa.JPAMailboxMessage;
import org.apache.james.mailbox.model.ByteContent;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.MessageMapper.FetchType;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.mail.model.impl.PropertyBuilder;
import org.apache.openjpa.lib.jdbc.AbstractJDBCListener;
import org.apache.openjpa.lib.jdbc.JDBCEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.govmail.mailserver.database.JpaTestSchema;

/**
 * {@link FetchPlannedMessageMapper} against James's own {@link JPAMessageMapper}, on a real PostgreSQL
 * (127.0.0.1:5432, or GOVMAIL_TEST_PG_URL) in a schema of its own: the same messages, flags, headers, bodies and
 * counters, with a number of SQL statements that no longer grows with the number of messages.
 */
class FetchPlannedMessageMapperTest {
    private static final int MESSAGES = 12;

    private JpaTestSchema schema;
    private EntityManagerFactory factory;
    private JPAUidProvider uids;
    private JPAModSeqProvider modSeqs;
    private Mailbox inbox;

    @BeforeEach
    void setUp() throws Exception {
        schema = JpaTestSchema.create("fetch_plan", Map.of("openjpa.jdbc.JDBCListeners", StatementCounter.class.getName()));
        factory = schema.factory();
        uids = new JPAUidProvider(factory);
        modSeqs = new JPAModSeqProvider(factory);

        JPAMailboxMapper mailboxes = new JPAMailboxMapper(factory);
        inbox = mailboxes.execute(() -> mailboxes.create(MailboxPath.inbox(Username.of("a@demo.gov.vn")), UidValidity.of(7)).block());
        mailboxes.endRequest();
        JPAMessageMapper writer = new JPAMessageMapper(uids, modSeqs, factory);
        for (int i = 1; i <= MESSAGES; i++) {
            MailboxMessage message = message(i);
            writer.execute(() -> writer.add(inbox, message));
        }
        writer.endRequest();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void readsTheSameMessagesAsJamesForEveryFetchTypeAndRange() throws Exception {
        List<MessageRange> ranges = List.of(MessageRange.all(), MessageRange.one(MessageUid.of(5)),
            MessageRange.from(MessageUid.of(9)), MessageRange.range(MessageUid.of(3), MessageUid.of(7)));
        for (FetchType type : FetchType.values()) {
            for (MessageRange range : ranges) {
                assertThat(read(planned(), range, type))
                    .as(type + " " + range)
                    .isEqualTo(read(james(), range, type))
                    .isNotEmpty();
            }
        }
        assertThat(read(planned(), MessageRange.all(), FetchType.FULL)).hasSize(MESSAGES);
    }

    @Test
    void headersOfAllMessagesInAFixedNumberOfStatements() throws Exception {
        int james = statementsToRead(james(), FetchType.HEADERS);
        int planned = statementsToRead(planned(), FetchType.HEADERS);

        assertThat(james).as("James's mapper: one lazy load per message").isGreaterThanOrEqualTo(MESSAGES);
        assertThat(planned).as("rows + their properties and user flags").isLessThanOrEqualTo(3);
        MessageRange few = MessageRange.range(MessageUid.of(1), MessageUid.of(MESSAGES));
        assertThat(statementsToRead(planned(), few, FetchType.FULL)).as("a few whole messages: bodies with the rows").isLessThanOrEqualTo(3);
        assertThat(statementsToRead(planned(), MessageRange.all(), FetchType.FULL))
            .as("the whole mailbox: bodies stay lazy, never all buffered at once").isGreaterThanOrEqualTo(MESSAGES);
    }

    @Test
    void countersAndFirstUnseenAsJames() throws Exception {
        assertThat(planned().getMailboxCounters(inbox)).isEqualTo(james().getMailboxCounters(inbox));
        assertThat(planned().getMailboxCounters(inbox).getUnseen()).isEqualTo(MESSAGES - MESSAGES / 3);
        assertThat(planned().findFirstUnseenMessageUid(inbox)).isEqualTo(james().findFirstUnseenMessageUid(inbox))
            .isEqualTo(MessageUid.of(1));

        MessageMapper marker = planned();
        marker.execute(() -> {
            marker.updateFlags(inbox, new org.apache.james.mailbox.store.FlagsUpdateCalculator(new Flags(Flags.Flag.SEEN),
                org.apache.james.mailbox.MessageManager.FlagsUpdateMode.ADD), MessageRange.range(MessageUid.of(1), MessageUid.of(MESSAGES)));
            return null;
        });
        marker.endRequest();
        assertThat(planned().getMailboxCounters(inbox).getUnseen()).isZero();
        assertThat(planned().getMailboxCounters(inbox)).isEqualTo(james().getMailboxCounters(inbox));
        assertThat(planned().findFirstUnseenMessageUid(inbox)).isNull();
        assertThat(james().findFirstUnseenMessageUid(inbox)).isNull();
    }

    @Test
    void theFactoryIndexesPropertiesAndUserFlagsByMessageOnceAndAgainWithoutError() throws Exception {
        new FetchPlannedMapperFactory(factory, uids, modSeqs);
        new FetchPlannedMapperFactory(factory, uids, modSeqs);

        assertThat(indexDefinitions()).anySatisfy(index -> assertThat(index).contains("ON " + schema.name() + ".james_mail_property").contains("(mailbox_id, mail_uid)"))
            .anySatisfy(index -> assertThat(index).contains("ON " + schema.name() + ".james_mail_userflag").contains("(mailbox_id, mail_uid)"));
        assertThat(read(new FetchPlannedMapperFactory(factory, uids, modSeqs).createMessageMapper(null), MessageRange.all(), FetchType.FULL))
            .isEqualTo(read(james(), MessageRange.all(), FetchType.FULL));
    }

    private List<String> indexDefinitions() throws SQLException {
        return schema.strings("SELECT indexdef FROM pg_indexes WHERE schemaname = '" + schema.name() + "'");
    }

    private int statementsToRead(MessageMapper mapper, FetchType type) throws Exception {
        return statementsToRead(mapper, MessageRange.all(), type);
    }

    private int statementsToRead(MessageMapper mapper, MessageRange range, FetchType type) throws Exception {
        StatementCounter.EXECUTED.set(0);
        List<String> read = read(mapper, range, type);
        assertThat(read).hasSize(MESSAGES);
        return StatementCounter.EXECUTED.get();
    }

    /** What an IMAP FETCH of this type reads of every message: identity, flags, properties and, per type, content. */
    private List<String> read(MessageMapper mapper, MessageRange range, FetchType type) throws Exception {
        List<String> result = new ArrayList<>();
        try {
            mapper.findInMailbox(inbox, range, type, -1).forEachRemaining(message -> {
                try {
                    String content = switch (type) {
                        case METADATA -> "";
                        case HEADERS -> text(message.getHeaderContent());
                        case FULL, ATTACHMENTS_METADATA -> text(message.getFullContent());
                    };
                    result.add(message.getUid() + " " + message.getModSeq() + " " + message.createFlags() + " "
                        + message.getFullContentOctets() + " " + message.getProperties().toProperties() + " " + content);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            mapper.endRequest();
        }
        return result;
    }

    private MessageMapper planned() {
        return new FetchPlannedMessageMapper(uids, modSeqs, factory);
    }

    private MessageMapper james() {
        return new JPAMessageMapper(uids, modSeqs, factory);
    }

    private MailboxMessage message(int i) throws Exception {
        String header = "From: sender" + i + "@demo.gov.vn\r\nTo: a@demo.gov.vn\r\nSubject: Công văn số " + i
            + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n";
        byte[] bytes = (header + "Nội dung " + i + "\r\n").getBytes(StandardCharsets.UTF_8);
        Flags flags = new Flags();
        if (i % 3 == 0) {
            flags.add(Flags.Flag.SEEN);
            flags.add("$Important");
        }
        if (i % 4 == 0) {
            flags.add("govmail-label-" + i);
        }
        PropertyBuilder properties = new PropertyBuilder();
        properties.setMediaType("text");
        properties.setSubType("plain");
        properties.setTextualLineCount(1L);
        properties.setCharset("UTF-8");
        return new JPAMailboxMessage(JPAMailbox.from(inbox), new Date(1_700_000_000_000L + i * 60_000L), bytes.length, flags,
            new ByteContent(bytes), header.getBytes(StandardCharsets.UTF_8).length, properties);
    }

    private static String text(InputStream stream) throws IOException {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Counts the SQL statements OpenJPA executes (configured by class name through openjpa.jdbc.JDBCListeners). */
    public static class StatementCounter extends AbstractJDBCListener {
        static final AtomicInteger EXECUTED = new AtomicInteger();

        @Override
        protected void eventOccurred(JDBCEvent event) {
            if (event.getType() == JDBCEvent.BEFORE_EXECUTE_STATEMENT) {
                EXECUTED.incrementAndGet();
            }
        }
    }
}

package vn.govmail.mailserver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The cheap comparison a search makes before trusting the index ({@link MailboxReconciler#quickCheck}), against a
 * real PostgreSQL (127.0.0.1:5432, or GOVMAIL_TEST_PG_URL) holding a table shaped like James's {@code JAMES_MAIL}
 * in a schema of its own.
 */
class MailboxQuickCheckTest {
    private static final String URL = System.getenv().getOrDefault("GOVMAIL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

    @TempDir
    Path directory;
    private final String schema = "search_quick_check_" + UUID.randomUUID().toString().replace("-", "");
    private final Mailbox mailbox = TestMessages.inbox("a@demo.gov.vn", 42);
    private PGSimpleDataSource database;
    private SearchIndexStore store;
    private MessageIndexer indexer;
    private MailboxReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        database = new PGSimpleDataSource();
        database.setUrl(URL);
        database.setUser(System.getenv().getOrDefault("GOVMAIL_TEST_PG_USER", "postgres"));
        sql("CREATE SCHEMA " + schema);
        database.setCurrentSchema(schema);
        sql("CREATE TABLE james_mail (mailbox_id BIGINT NOT NULL, mail_uid BIGINT NOT NULL, PRIMARY KEY (mailbox_id, mail_uid))");
        store = new SearchIndexStore(directory);
        indexer = new MessageIndexer(store, new MessageTextExtractor(new AttachmentTextExtractor(1024, 1000, Duration.ofSeconds(5)), 10_000));
        reconciler = new MailboxReconciler(null, store, indexer, new StoredUidSummary(database));
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        database.setCurrentSchema(null);
        sql("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void aMailboxNotComparedInFullInThisProcessIsNeverTrusted() throws Exception {
        deliver(1, 2, 3);
        indexed(1, 2, 3);

        assertThat(reconciler.quickCheck(mailbox)).isEmpty();
    }

    @Test
    void inSyncThenOnlyTheNewestMessagesAreMissing() throws Exception {
        deliver(1, 2, 3);
        indexed(1, 2, 3);
        reconciler.markVerified(mailbox);
        assertThat(reconciler.quickCheck(mailbox)).contains(List.of());

        deliver(4, 5);
        assertThat(reconciler.quickCheck(mailbox)).contains(List.of(4L, 5L));
    }

    @Test
    void anyOtherDifferenceAsksForTheFullComparison() throws Exception {
        deliver(1, 2, 3, 4);
        indexed(1, 2, 3, 4);
        reconciler.markVerified(mailbox);

        sql("DELETE FROM james_mail WHERE mail_uid = 2"); // expunged, the index not told yet
        assertThat(reconciler.quickCheck(mailbox)).isEmpty();

        indexer.delete(mailbox.getMailboxId(), List.of(MessageUid.of(2)));
        assertThat(reconciler.quickCheck(mailbox)).contains(List.of());

        indexer.delete(mailbox.getMailboxId(), List.of(MessageUid.of(3))); // a document lost below the highest UID
        assertThat(reconciler.quickCheck(mailbox)).isEmpty();

        indexed(3, 5); // a document of a message PostgreSQL does not have, beside the lost one come back
        deliver(6);
        assertThat(reconciler.quickCheck(mailbox)).isEmpty();
    }

    @Test
    void otherMailboxesDoNotCount() throws Exception {
        deliver(1, 2);
        indexed(1, 2);
        reconciler.markVerified(mailbox);
        sql("INSERT INTO james_mail VALUES (43, 1), (43, 2), (43, 3)");

        assertThat(reconciler.quickCheck(mailbox)).contains(List.of());
    }

    private void deliver(long... uids) throws SQLException {
        for (long uid : uids) {
            sql("INSERT INTO james_mail VALUES (42, " + uid + ")");
        }
    }

    private void indexed(long... uids) throws IOException {
        for (long uid : uids) {
            byte[] raw = ("Subject: " + uid + "\r\n\r\nbody " + uid + "\r\n").getBytes(StandardCharsets.UTF_8);
            indexer.index(mailbox, TestMessages.message(mailbox, uid, raw));
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}

package vn.govmail.mailserver.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.james.mailbox.model.MailboxId;

/**
 * What PostgreSQL holds for one mailbox, summarised in the database instead of listed through JPA: the number and
 * sum of the UIDs up to a given UID, and the UIDs above it (the messages delivered since the index last caught up,
 * normally none or a few). Two indexed queries on the primary key (mailbox, UID) of James's {@code JAMES_MAIL}.
 */
final class StoredUidSummary {
    /** Count and sum of the UIDs {@code <= upTo}, and the UIDs {@code > upTo} in ascending order. */
    record Summary(long count, long sum, List<Long> above) {
    }

    private static final String UP_TO = "SELECT COUNT(*), COALESCE(SUM(mail_uid), 0) FROM james_mail WHERE mailbox_id = ? AND mail_uid <= ?";
    private static final String ABOVE = "SELECT mail_uid FROM james_mail WHERE mailbox_id = ? AND mail_uid > ? ORDER BY mail_uid";

    private final DataSource database;

    StoredUidSummary(DataSource database) {
        this.database = database;
    }

    /** Empty when the mailbox id is not one of James's JPA ids (then the caller lists the UIDs the slow way). */
    Optional<Summary> summary(MailboxId mailboxId, long upTo) throws SQLException {
        long id;
        try {
            id = Long.parseLong(mailboxId.serialize());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (Connection connection = database.getConnection()) {
            // One snapshot for both statements, so a message delivered in between cannot be half seen.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                long count;
                long sum;
                try (PreparedStatement statement = connection.prepareStatement(UP_TO)) {
                    statement.setLong(1, id);
                    statement.setLong(2, upTo);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        count = result.getLong(1);
                        sum = result.getLong(2);
                    }
                }
                List<Long> above = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(ABOVE)) {
                    statement.setLong(1, id);
                    statement.setLong(2, upTo);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            above.add(result.getLong(1));
                        }
                    }
                }
                return Optional.of(new Summary(count, sum, above));
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        }
    }
}

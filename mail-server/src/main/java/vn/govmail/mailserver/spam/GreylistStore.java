package vn.govmail.mailserver.spam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.inject.Inject;

import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * Greylisting triplets (client network, sender, recipient) in the platform's PostgreSQL, so that a restart
 * does not make every sender wait again. One row per triplet: when it was first seen, whether a retry after
 * the delay has passed it, and when it was last used.
 */
public class GreylistStore {
    /** What a triplet's check decided: pass, or wait this long before retrying. */
    public record Decision(boolean pass, Duration retryAfter) {
    }

    private final GovmailDataSource database;
    private volatile Instant lastCleanup = Instant.EPOCH;

    @Inject
    public GreylistStore(GovmailDataSource database) {
        this.database = database;
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS spam_greylist (client_net varchar(64) NOT NULL, sender varchar(320) NOT NULL,"
                + " recipient varchar(320) NOT NULL, first_seen timestamptz NOT NULL, last_seen timestamptz NOT NULL,"
                + " passed boolean NOT NULL, PRIMARY KEY (client_net, sender, recipient))");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create spam_greylist", e);
        }
    }

    /**
     * Records this attempt and decides it: the first attempt (and any attempt before {@code delay} has passed,
     * or after {@code window} without a retry) waits; a retry between the two passes the triplet, which then
     * passes at once until unused for {@code lifetime}.
     */
    public Decision check(String clientNet, String sender, String recipient, Instant now,
                          Duration delay, Duration window, Duration lifetime) throws SQLException {
        cleanupNowAndThen(now, window, lifetime);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Decision decision = decide(connection, clientNet, sender, recipient, now, delay, window, lifetime);
                connection.commit();
                return decision;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Decision decide(Connection connection, String clientNet, String sender, String recipient, Instant now,
                                   Duration delay, Duration window, Duration lifetime) throws SQLException {
        // insert-if-absent first, so two concurrent first attempts do not both see "absent"; then lock the row
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO spam_greylist"
            + " (client_net, sender, recipient, first_seen, last_seen, passed) VALUES (?, ?, ?, ?, ?, false) ON CONFLICT DO NOTHING")) {
            bind(insert, clientNet, sender, recipient);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            if (insert.executeUpdate() == 1) {
                return new Decision(false, delay);
            }
        }
        Instant firstSeen;
        Instant lastSeen;
        boolean passed;
        try (PreparedStatement select = connection.prepareStatement("SELECT first_seen, last_seen, passed FROM spam_greylist"
            + " WHERE client_net = ? AND sender = ? AND recipient = ? FOR UPDATE")) {
            bind(select, clientNet, sender, recipient);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                firstSeen = row.getTimestamp(1).toInstant();
                lastSeen = row.getTimestamp(2).toInstant();
                passed = row.getBoolean(3);
            }
        }
        Duration waited = Duration.between(firstSeen, now);
        boolean expired = passed ? Duration.between(lastSeen, now).compareTo(lifetime) > 0 : waited.compareTo(window) > 0;
        if (expired) {
            update(connection, "first_seen = ?, last_seen = ?, passed = false", now, clientNet, sender, recipient);
            return new Decision(false, delay);
        }
        if (!passed && waited.compareTo(delay) < 0) {
            return new Decision(false, delay.minus(waited));
        }
        update(connection, "last_seen = ?, passed = true", now, clientNet, sender, recipient);
        return new Decision(true, Duration.ZERO);
    }

    private static void update(Connection connection, String set, Instant now, String clientNet, String sender, String recipient)
        throws SQLException {
        boolean twoTimes = set.startsWith("first_seen");
        try (PreparedStatement update = connection.prepareStatement("UPDATE spam_greylist SET " + set
            + " WHERE client_net = ? AND sender = ? AND recipient = ?")) {
            int index = 1;
            update.setTimestamp(index++, Timestamp.from(now));
            if (twoTimes) {
                update.setTimestamp(index++, Timestamp.from(now));
            }
            update.setString(index++, clientNet);
            update.setString(index++, sender);
            update.setString(index, recipient);
            update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, String clientNet, String sender, String recipient) throws SQLException {
        statement.setString(1, clientNet);
        statement.setString(2, sender);
        statement.setString(3, recipient);
    }

    /** At most once an hour: forget triplets never retried within the window and passed ones unused for their lifetime. */
    private void cleanupNowAndThen(Instant now, Duration window, Duration lifetime) throws SQLException {
        if (Duration.between(lastCleanup, now).toHours() < 1) {
            return;
        }
        lastCleanup = now;
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM spam_greylist WHERE (NOT passed AND first_seen < ?)"
                 + " OR (passed AND last_seen < ?)")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(window)));
            delete.setTimestamp(2, Timestamp.from(now.minus(lifetime)));
            delete.executeUpdate();
        }
    }

    /** Number of triplets kept (for the statistics route and tests). */
    public long size() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM spam_greylist")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

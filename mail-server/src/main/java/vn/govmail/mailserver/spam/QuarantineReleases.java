package vn.govmail.mailserver.spam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.inject.Singleton;

import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * What happened to each (quarantined mail, recipient), in {@code govmail_quarantine_release}: the durable state
 * machine that makes a release deliver exactly once.
 *
 * <pre>
 *   (no row) ──claim──▶ releasing(attempt) ──the released copy reaches the mailet──▶ delivered
 *   (no row) ──delete─▶ deleted
 * </pre>
 *
 * The claim is an {@code INSERT … ON CONFLICT DO NOTHING}: of two concurrent releases (two admins, the admin and
 * the user, a double click) exactly one wins, the other gets "already released". The claim is written before the
 * copy goes on the spool, and the mailet marks the row delivered (for the copy's attempt only) before the mailbox
 * append; so after a crash anywhere, {@link Quarantine#recover()} can re-queue the rows still "releasing" under a
 * new attempt, and a stale copy of an older attempt that still reaches the mailet is dropped.
 */
@Singleton
public class QuarantineReleases {
    public enum State { RELEASING, DELIVERED, DELETED }

    /** A row still "releasing": its copy may or may not be on the spool. */
    public record Pending(String mailKey, String recipient, String attempt) {
    }

    private final GovmailDataSource database;

    @Inject
    public QuarantineReleases(GovmailDataSource database) throws SQLException {
        this.database = database;
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                CREATE TABLE IF NOT EXISTS govmail_quarantine_release (
                    mail_key VARCHAR(500) NOT NULL,
                    recipient VARCHAR(320) NOT NULL,
                    state VARCHAR(16) NOT NULL,
                    attempt VARCHAR(64),
                    actor VARCHAR(400) NOT NULL,
                    changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                    PRIMARY KEY (mail_key, recipient))
                """);
        }
    }

    /**
     * Claims the recipients for a release ({@code attempt} non-null) or a deletion; recipients that already have a
     * row are left out.
     *
     * @return the recipients this call claimed
     */
    public Set<String> claim(String mailKey, Collection<String> recipients, State state, String attempt, String actor) throws SQLException {
        // One transaction, recipients in a fixed order: a concurrent claim of the same recipients waits on the first
        // row until this one commits and then finds every row taken, so one claim wins them all (autocommitted rows
        // could be split between two claims, each then releasing a part and training the classifier twice).
        Set<String> ordered = new TreeSet<>();
        recipients.forEach(recipient -> ordered.add(normalise(recipient)));
        Set<String> claimed = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO govmail_quarantine_release(mail_key, recipient, state, attempt, actor) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (mail_key, recipient) DO NOTHING
                     """)) {
                for (String recipient : ordered) {
                    insert.setString(1, mailKey);
                    insert.setString(2, recipient);
                    insert.setString(3, state.name());
                    insert.setString(4, attempt);
                    insert.setString(5, actor);
                    if (insert.executeUpdate() == 1) {
                        claimed.add(recipient);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return claimed;
    }

    /**
     * Marks a recipient delivered for this attempt. True also when it already is delivered by this very attempt (the
     * spool redelivers a mail whose processing a crash interrupted: James's own at-least-once); false for a stale
     * attempt or a recipient never claimed.
     */
    public boolean markDelivered(String mailKey, String recipient, String attempt) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("""
                 UPDATE govmail_quarantine_release SET state = 'DELIVERED', changed_at = now()
                 WHERE mail_key = ? AND recipient = ? AND attempt = ? AND state IN ('RELEASING', 'DELIVERED')
                 """)) {
            update.setString(1, mailKey);
            update.setString(2, normalise(recipient));
            update.setString(3, attempt);
            return update.executeUpdate() == 1;
        }
    }

    /** Whether some recipient of this mail is claimed under this attempt (false once recovery replaced it). */
    public boolean isCurrentAttempt(String mailKey, String attempt) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT 1 FROM govmail_quarantine_release WHERE mail_key = ? AND attempt = ? LIMIT 1")) {
            select.setString(1, mailKey);
            select.setString(2, attempt);
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Removes the claims of a release whose copy could not be queued (the recipients are pending again). */
    public void unclaim(String mailKey, Collection<String> recipients, String attempt) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("""
                 DELETE FROM govmail_quarantine_release WHERE mail_key = ? AND recipient = ? AND attempt = ? AND state = 'RELEASING'
                 """)) {
            for (String recipient : recipients) {
                delete.setString(1, mailKey);
                delete.setString(2, normalise(recipient));
                delete.setString(3, attempt);
                delete.executeUpdate();
            }
        }
    }

    /** Gives rows still "releasing" a new attempt (at recovery): copies of the older attempt are then dropped. */
    public void reattempt(String mailKey, String recipient, String attempt) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("""
                 UPDATE govmail_quarantine_release SET attempt = ?, changed_at = now()
                 WHERE mail_key = ? AND recipient = ? AND state = 'RELEASING'
                 """)) {
            update.setString(1, attempt);
            update.setString(2, mailKey);
            update.setString(3, normalise(recipient));
            update.executeUpdate();
        }
    }

    /** Every recipient of every mail that has a row, by mail key (those recipients are no longer pending). */
    public Map<String, Set<String>> handled() throws SQLException {
        Map<String, Set<String>> handled = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT mail_key, recipient FROM govmail_quarantine_release")) {
            while (rows.next()) {
                handled.computeIfAbsent(rows.getString(1), k -> new HashSet<>()).add(rows.getString(2));
            }
        }
        return handled;
    }

    /** The recipients of one mail that have a row. */
    public Set<String> handled(String mailKey) throws SQLException {
        Set<String> handled = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT recipient FROM govmail_quarantine_release WHERE mail_key = ?")) {
            select.setString(1, mailKey);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    handled.add(rows.getString(1));
                }
            }
        }
        return handled;
    }

    public List<Pending> releasing() throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT mail_key, recipient, attempt FROM govmail_quarantine_release WHERE state = 'RELEASING'")) {
            while (rows.next()) {
                pending.add(new Pending(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return pending;
    }

    static String normalise(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}

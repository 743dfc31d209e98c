package vn.govmail.mailserver.spam;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Singleton;

import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * What is listed of each quarantined mail, in PostgreSQL next to the repository that keeps the mail itself
 * ({@code govmail_quarantine_entry}, one row a mail; {@code govmail_quarantine_recipient}, one row a recipient), so that
 * a listing is one query filtered by user, domain and date, ordered and paged by the database, instead of reading
 * every mail of the repository. A recipient is pending while {@link QuarantineReleases} has no row for it.
 */
@Singleton
public class QuarantineIndex {
    /** A page of entries and how many match in all. */
    public record Page(List<Quarantine.Entry> entries, long total) {
    }

    private static final String MATCHING = """
        FROM govmail_quarantine_entry e
        WHERE EXISTS (SELECT 1 FROM govmail_quarantine_recipient r
                      WHERE r.mail_key = e.mail_key
                        AND NOT EXISTS (SELECT 1 FROM govmail_quarantine_release x WHERE x.mail_key = r.mail_key AND x.recipient = r.recipient)
                        AND (CAST(? AS VARCHAR) IS NULL OR r.recipient = ?)
                        AND (CAST(? AS VARCHAR) IS NULL OR r.domain = ?))
          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR e.quarantined_at >= ?)
          AND (CAST(? AS TIMESTAMPTZ) IS NULL OR e.quarantined_at < ?)
        """;

    private final GovmailDataSource database;

    @Inject
    public QuarantineIndex(GovmailDataSource database, QuarantineReleases releases) throws SQLException {
        this.database = database;   // QuarantineReleases: its table is created first (the listing reads it)
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                CREATE TABLE IF NOT EXISTS govmail_quarantine_entry (
                    mail_key VARCHAR(500) PRIMARY KEY,
                    quarantined_at TIMESTAMP WITH TIME ZONE NOT NULL,
                    sender VARCHAR(320) NOT NULL,
                    from_header TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    score VARCHAR(32) NOT NULL,
                    reasons TEXT[] NOT NULL)
                """);
            statement.execute("CREATE INDEX IF NOT EXISTS govmail_quarantine_entry_time ON govmail_quarantine_entry (quarantined_at DESC, mail_key)");
            statement.execute("""
                CREATE TABLE IF NOT EXISTS govmail_quarantine_recipient (
                    mail_key VARCHAR(500) NOT NULL REFERENCES govmail_quarantine_entry ON DELETE CASCADE,
                    recipient VARCHAR(320) NOT NULL,
                    domain VARCHAR(255) NOT NULL,
                    PRIMARY KEY (mail_key, recipient))
                """);
            statement.execute("CREATE INDEX IF NOT EXISTS govmail_quarantine_recipient_user ON govmail_quarantine_recipient (recipient)");
            statement.execute("CREATE INDEX IF NOT EXISTS govmail_quarantine_recipient_domain ON govmail_quarantine_recipient (domain)");
        }
    }

    /** Indexes one quarantined mail (again: nothing changes). */
    public void add(Quarantine.Entry entry) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO govmail_quarantine_entry(mail_key, quarantined_at, sender, from_header, subject, score, reasons)
                     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mail_key) DO NOTHING
                     """);
                 PreparedStatement recipient = connection.prepareStatement("""
                     INSERT INTO govmail_quarantine_recipient(mail_key, recipient, domain) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                     """)) {
                insert.setString(1, entry.key());
                insert.setTimestamp(2, Timestamp.from(entry.quarantinedAt()));
                insert.setString(3, entry.sender());
                insert.setString(4, entry.from());
                insert.setString(5, entry.subject());
                insert.setString(6, entry.score());
                insert.setArray(7, connection.createArrayOf("text", entry.reasons().toArray()));
                insert.executeUpdate();
                for (String address : entry.recipients()) {
                    String normalised = QuarantineReleases.normalise(address);
                    recipient.setString(1, entry.key());
                    recipient.setString(2, normalised);
                    recipient.setString(3, normalised.substring(normalised.lastIndexOf('@') + 1));
                    recipient.addBatch();
                }
                recipient.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Forgets a mail that left the repository. */
    public void remove(String mailKey) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM govmail_quarantine_entry WHERE mail_key = ?")) {
            delete.setString(1, mailKey);
            delete.executeUpdate();
        }
    }

    /** The keys indexed. */
    public Set<String> keys() throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT mail_key FROM govmail_quarantine_entry");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    /**
     * The entries matching the query, newest first, with their pending recipients (only the user, when the query
     * names one: never the other, possibly Bcc, recipients of the same mail).
     */
    public Page list(QuarantineQuery query) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) " + MATCHING)) {
                bind(count, query);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<Quarantine.Entry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                     SELECT e.mail_key, e.quarantined_at, e.sender, e.from_header, e.subject, e.score, e.reasons,
                            ARRAY(SELECT r.recipient FROM govmail_quarantine_recipient r
                                  WHERE r.mail_key = e.mail_key
                                    AND NOT EXISTS (SELECT 1 FROM govmail_quarantine_release x
                                                    WHERE x.mail_key = r.mail_key AND x.recipient = r.recipient)
                                  ORDER BY r.recipient) AS pending
                     """ + MATCHING + " ORDER BY e.quarantined_at DESC, e.mail_key LIMIT ? OFFSET ?")) {
                int next = bind(select, query);
                select.setInt(next, query.limit());
                select.setInt(next + 1, query.offset());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        List<String> pending = query.user().isPresent() ? List.of(query.user().get()) : strings(rows, "pending");
                        entries.add(new Quarantine.Entry(rows.getString("mail_key"), rows.getString("sender"), rows.getString("from_header"),
                            pending, rows.getString("subject"), rows.getString("score"), strings(rows, "reasons"),
                            rows.getTimestamp("quarantined_at").toInstant()));
                    }
                }
            }
            return new Page(entries, total);
        }
    }

    private static int bind(PreparedStatement statement, QuarantineQuery query) throws SQLException {
        int i = 1;
        for (String value : new String[]{query.user().orElse(null), query.domain().orElse(null)}) {
            statement.setString(i++, value);
            statement.setString(i++, value);
        }
        for (Instant value : new Instant[]{query.since().orElse(null), query.before().orElse(null)}) {
            Timestamp time = value == null ? null : Timestamp.from(value);
            statement.setTimestamp(i++, time);
            statement.setTimestamp(i++, time);
        }
        return i;
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        Array array = rows.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}

package vn.govmail.mailserver.spam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;

import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * The digest's durable state: per user, up to which quarantine time their last digest went
 * ({@code govmail_quarantine_digest}), and the days on which the scheduled run completed
 * ({@code govmail_quarantine_digest_day}), so a restart neither sends a second digest nor skips a mail.
 */
@Singleton
public class QuarantineDigestStore {
    private final GovmailDataSource database;

    @Inject
    public QuarantineDigestStore(GovmailDataSource database) throws SQLException {
        this.database = database;
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                CREATE TABLE IF NOT EXISTS govmail_quarantine_digest (
                    username VARCHAR(320) PRIMARY KEY,
                    last_until TIMESTAMP WITH TIME ZONE NOT NULL,
                    sent_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
                """);
            statement.execute("""
                CREATE TABLE IF NOT EXISTS govmail_quarantine_digest_day (
                    day DATE PRIMARY KEY,
                    ran_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
                """);
        }
    }

    /** The quarantine time of the newest mail the user's last digest listed. */
    public Optional<Instant> lastUntil(String user) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT last_until FROM govmail_quarantine_digest WHERE username = ?")) {
            select.setString(1, user.toLowerCase(Locale.ROOT));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    public void recordSent(String user, Instant lastUntil) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_quarantine_digest(username, last_until, sent_at) VALUES (?, ?, now())
                 ON CONFLICT (username) DO UPDATE SET last_until = GREATEST(govmail_quarantine_digest.last_until, EXCLUDED.last_until),
                     sent_at = now()
                 """)) {
            upsert.setString(1, user.toLowerCase(Locale.ROOT));
            upsert.setTimestamp(2, Timestamp.from(lastUntil));
            upsert.executeUpdate();
        }
    }

    public boolean ranOn(LocalDate day) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM govmail_quarantine_digest_day WHERE day = ?")) {
            select.setObject(1, day);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    public void recordRun(LocalDate day) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                 "INSERT INTO govmail_quarantine_digest_day(day) VALUES (?) ON CONFLICT (day) DO NOTHING")) {
            insert.setObject(1, day);
            insert.executeUpdate();
        }
    }
}

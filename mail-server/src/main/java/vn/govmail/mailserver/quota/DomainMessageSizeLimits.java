package vn.govmail.mailserver.quota;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Domain;

import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * The largest message each domain accepts, where the IT center set one below the server-wide
 * {@code max-message-size} ({@code govmail_domain_limits}; held in memory for the per-RCPT check).
 */
@Singleton
public class DomainMessageSizeLimits {
    private final GovmailDataSource database;
    private final Map<String, Long> limits = new ConcurrentHashMap<>();

    @Inject
    public DomainMessageSizeLimits(GovmailDataSource database) throws SQLException {
        this.database = database;
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                CREATE TABLE IF NOT EXISTS govmail_domain_limits (
                    domain VARCHAR(253) PRIMARY KEY,
                    max_message_size BIGINT NOT NULL)
                """);
            try (ResultSet rows = statement.executeQuery("SELECT domain, max_message_size FROM govmail_domain_limits")) {
                while (rows.next()) {
                    limits.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
    }

    public Optional<Long> maxMessageSize(Domain domain) {
        return Optional.ofNullable(limits.get(key(domain)));
    }

    public void setMaxMessageSize(Domain domain, long bytes) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_domain_limits(domain, max_message_size) VALUES (?, ?)
                 ON CONFLICT (domain) DO UPDATE SET max_message_size = EXCLUDED.max_message_size
                 """)) {
            upsert.setString(1, key(domain));
            upsert.setLong(2, bytes);
            upsert.executeUpdate();
        }
        limits.put(key(domain), bytes);
    }

    public void removeMaxMessageSize(Domain domain) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM govmail_domain_limits WHERE domain = ?")) {
            delete.setString(1, key(domain));
            delete.executeUpdate();
        }
        limits.remove(key(domain));
    }

    private static String key(Domain domain) {
        return domain.asString().toLowerCase(Locale.ROOT);
    }
}

package vn.govmail.mailserver.quota;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;

import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * The warning level (0, 80 or 95 percent) each account was last told about, in {@code govmail_quota_warning}, so a
 * restart neither repeats a warning nor forgets that one is due.
 */
@Singleton
public class QuotaWarningStore {
    private final GovmailDataSource database;
    /** Levels read or written since start: a delivery then costs no query (this process is the only writer). */
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    @Inject
    public QuotaWarningStore(GovmailDataSource database) throws SQLException {
        this.database = database;
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                CREATE TABLE IF NOT EXISTS govmail_quota_warning (
                    username VARCHAR(320) PRIMARY KEY,
                    level INTEGER NOT NULL,
                    changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
                """);
        }
    }

    public int level(Username user) throws SQLException {
        Integer cached = known.get(key(user));
        if (cached != null) {
            return cached;
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT level FROM govmail_quota_warning WHERE username = ?")) {
            select.setString(1, key(user));
            try (ResultSet row = select.executeQuery()) {
                int level = row.next() ? row.getInt(1) : 0;
                known.put(key(user), level);
                return level;
            }
        }
    }

    public void setLevel(Username user, int level) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_quota_warning(username, level, changed_at) VALUES (?, ?, now())
                 ON CONFLICT (username) DO UPDATE SET level = EXCLUDED.level, changed_at = now()
                 """)) {
            upsert.setString(1, key(user));
            upsert.setInt(2, level);
            upsert.executeUpdate();
        }
        known.put(key(user), level);
    }

    public void forget(Username user) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM govmail_quota_warning WHERE username = ?")) {
            delete.setString(1, key(user));
            delete.executeUpdate();
        }
        known.remove(key(user));
    }

    private static String key(Username user) {
        return user.asString().toLowerCase(Locale.ROOT);
    }
}

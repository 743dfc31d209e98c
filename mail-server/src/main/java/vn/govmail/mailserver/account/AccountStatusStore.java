package vn.govmail.mailserver.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;

import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * Which accounts are disabled. A disabled account keeps its mail but receives none and cannot log in.
 * The (small) set of disabled accounts is held in memory for the per-RCPT and per-login checks and written
 * through to PostgreSQL ({@code govmail_account_status}).
 */
@Singleton
public class AccountStatusStore {
    private final GovmailDataSource database;
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    @Inject
    public AccountStatusStore(GovmailDataSource database) throws SQLException {
        this.database = database;
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT username FROM govmail_account_status WHERE disabled")) {
            while (rows.next()) {
                disabled.add(rows.getString(1));
            }
        }
    }

    public boolean isDisabled(Username user) {
        return disabled.contains(key(user));
    }

    public void setDisabled(Username user, boolean isDisabled, String reason) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_account_status(username, disabled, reason, changed_at) VALUES (?, ?, ?, now())
                 ON CONFLICT (username) DO UPDATE SET disabled = EXCLUDED.disabled, reason = EXCLUDED.reason, changed_at = now()
                 """)) {
            upsert.setString(1, key(user));
            upsert.setBoolean(2, isDisabled);
            upsert.setString(3, reason);
            upsert.executeUpdate();
        }
        if (isDisabled) {
            disabled.add(key(user));
        } else {
            disabled.remove(key(user));
        }
    }

    private static String key(Username user) {
        return user.asString().toLowerCase(Locale.ROOT);
    }
}

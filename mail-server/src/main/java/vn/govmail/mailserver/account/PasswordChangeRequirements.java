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
 * Accounts the IT center told to change their password ({@code govmail_password_change}). Until the user sets a new
 * one (self-service) or an admin resets it, the old password no longer opens the mailbox. Held in memory for the
 * per-login check, written through to PostgreSQL.
 */
@Singleton
public class PasswordChangeRequirements {
    /** What IMAP and SMTP tell a user with the right but expired password. */
    public static final String HOW_TO_CHANGE = "Mat khau phai doi truoc khi dung hop thu: doi mat khau trong webmail (Doi mat khau) "
        + "hoac lien he quan tri / Password change required: change it in the webmail (Change password) or ask your administrator";

    private final GovmailDataSource database;
    private final Set<String> required = ConcurrentHashMap.newKeySet();

    @Inject
    public PasswordChangeRequirements(GovmailDataSource database) throws SQLException {
        this.database = database;
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                CREATE TABLE IF NOT EXISTS govmail_password_change (
                    username VARCHAR(320) PRIMARY KEY,
                    required_since TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
                """);
            try (ResultSet rows = statement.executeQuery("SELECT username FROM govmail_password_change")) {
                while (rows.next()) {
                    required.add(rows.getString(1));
                }
            }
        }
    }

    public boolean isRequired(Username user) {
        return required.contains(key(user));
    }

    public void require(Username user) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                 "INSERT INTO govmail_password_change(username) VALUES (?) ON CONFLICT (username) DO NOTHING")) {
            insert.setString(1, key(user));
            insert.executeUpdate();
        }
        required.add(key(user));
    }

    public void clear(Username user) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM govmail_password_change WHERE username = ?")) {
            delete.setString(1, key(user));
            delete.executeUpdate();
        }
        required.remove(key(user));
    }

    private static String key(Username user) {
        return user.asString().toLowerCase(Locale.ROOT);
    }
}

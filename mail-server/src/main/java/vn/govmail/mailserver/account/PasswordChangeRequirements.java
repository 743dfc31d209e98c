package vn.govmail.mailserver.account;

import java.sql.SQLException;
import java.time.Instant;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;

import vn.govmail.mailserver.database.CachedKeyTable;
import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * Accounts the IT center told to change their password ({@code govmail_password_change}, with the time of the last
 * such order). Until the user sets a new one (self-service) or an admin resets it, the old password no longer opens
 * the mailbox. Checked at every login, so held in memory ({@link CachedKeyTable}).
 */
@Singleton
public class PasswordChangeRequirements {
    /** What IMAP and SMTP tell a user with the right but expired password. */
    public static final String HOW_TO_CHANGE = "Mat khau phai doi truoc khi dung hop thu: doi mat khau trong webmail (Doi mat khau) "
        + "hoac lien he quan tri / Password change required: change it in the webmail (Change password) or ask your administrator";

    private final CachedKeyTable<Instant> required;

    @Inject
    public PasswordChangeRequirements(GovmailDataSource database) throws SQLException {
        this.required = new CachedKeyTable<>(database, """
            CREATE TABLE IF NOT EXISTS govmail_password_change (
                username VARCHAR(320) PRIMARY KEY,
                required_since TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
            """, "govmail_password_change", "username", "required_since", CachedKeyTable.TIMESTAMP, null);
    }

    public boolean isRequired(Username user) {
        return required.get(user.asString()).isPresent();
    }

    public void require(Username user) throws SQLException {
        required.put(user.asString(), Instant.now());
    }

    public void clear(Username user) throws SQLException {
        required.remove(user.asString());
    }
}

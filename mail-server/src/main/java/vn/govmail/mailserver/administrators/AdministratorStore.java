package vn.govmail.mailserver.administrators;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;

import vn.govmail.mailserver.database.CachedKeyTable;
import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * Mail accounts granted the administrator role ({@code govmail_administrator}, with the time of the grant): their
 * user-API session may call the admin routes of the webmail's console ({@link AdminConsoleScope}). Checked on every
 * request of such a session, so held in memory ({@link CachedKeyTable}); a removal applies to the next request.
 */
@Singleton
public class AdministratorStore {
    private final CachedKeyTable<Instant> administrators;

    @Inject
    public AdministratorStore(GovmailDataSource database) throws SQLException {
        this.administrators = new CachedKeyTable<>(database, """
            CREATE TABLE IF NOT EXISTS govmail_administrator (
                username VARCHAR(320) PRIMARY KEY,
                granted_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
            """, "govmail_administrator", "username", "granted_at", CachedKeyTable.TIMESTAMP, null);
    }

    public boolean isAdministrator(Username user) {
        return administrators.get(user.asString()).isPresent();
    }

    /** @return whether the role was new */
    public boolean grant(Username user) throws SQLException {
        if (isAdministrator(user)) {
            return false;
        }
        administrators.put(user.asString(), Instant.now());
        return true;
    }

    /** @return whether the user had the role */
    public boolean revoke(Username user) throws SQLException {
        if (!isAdministrator(user)) {
            return false;
        }
        administrators.remove(user.asString());
        return true;
    }

    /**
     * Moves the role of a renamed account to its new name (keeping the time of the grant); nothing if it had none.
     * The new name gets it before the old one loses it, so a failure in between leaves no administrator without it.
     */
    public void transfer(Username from, Username to) throws SQLException {
        java.util.Optional<Instant> grantedAt = administrators.get(from.asString());
        if (grantedAt.isPresent()) {
            administrators.put(to.asString(), grantedAt.get());
            administrators.remove(from.asString());
        }
    }

    /** Address → time of the grant, in address order. */
    public Map<String, Instant> all() {
        return new TreeMap<>(administrators.all());
    }
}

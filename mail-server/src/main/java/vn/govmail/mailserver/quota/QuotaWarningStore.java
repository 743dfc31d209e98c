package vn.govmail.mailserver.quota;

import java.sql.SQLException;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Username;

import vn.govmail.mailserver.database.CachedKeyTable;
import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * The warning level (0, 80 or 95 percent) each account was last told about, in {@code govmail_quota_warning}, so a
 * restart neither repeats a warning nor forgets that one is due. Read at every delivery, so held in memory
 * ({@link CachedKeyTable}).
 */
@Singleton
public class QuotaWarningStore {
    private final CachedKeyTable<Integer> levels;

    @Inject
    public QuotaWarningStore(GovmailDataSource database) throws SQLException {
        this.levels = new CachedKeyTable<>(database, """
            CREATE TABLE IF NOT EXISTS govmail_quota_warning (
                username VARCHAR(320) PRIMARY KEY,
                level INTEGER NOT NULL,
                changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
            """, "govmail_quota_warning", "username", "level", CachedKeyTable.INTEGER, "changed_at");
    }

    public int level(Username user) {
        return levels.get(user.asString()).orElse(0);
    }

    public void setLevel(Username user, int level) throws SQLException {
        levels.put(user.asString(), level);
    }

    public void forget(Username user) throws SQLException {
        levels.remove(user.asString());
    }
}

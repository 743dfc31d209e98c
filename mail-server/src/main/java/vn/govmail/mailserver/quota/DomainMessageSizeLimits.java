package vn.govmail.mailserver.quota;

import java.sql.SQLException;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Domain;

import vn.govmail.mailserver.database.CachedKeyTable;
import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * The largest message each domain accepts, where the IT center set one below the server-wide
 * {@code max-message-size} ({@code govmail_domain_limits}; held in memory for the per-RCPT check, {@link CachedKeyTable}).
 */
@Singleton
public class DomainMessageSizeLimits {
    private final CachedKeyTable<Long> limits;

    @Inject
    public DomainMessageSizeLimits(GovmailDataSource database) throws SQLException {
        this.limits = new CachedKeyTable<>(database, """
            CREATE TABLE IF NOT EXISTS govmail_domain_limits (
                domain VARCHAR(253) PRIMARY KEY,
                max_message_size BIGINT NOT NULL)
            """, "govmail_domain_limits", "domain", "max_message_size", CachedKeyTable.BIGINT, null);
    }

    public Optional<Long> maxMessageSize(Domain domain) {
        return limits.get(domain.asString());
    }

    public void setMaxMessageSize(Domain domain, long bytes) throws SQLException {
        limits.put(domain.asString(), bytes);
    }

    public void removeMaxMessageSize(Domain domain) throws SQLException {
        limits.remove(domain.asString());
    }
}

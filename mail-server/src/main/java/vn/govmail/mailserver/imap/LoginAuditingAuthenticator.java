package vn.govmail.mailserver.imap;

import javax.inject.Inject;

import org.apache.james.adapter.mailbox.UserRepositoryAuthenticator;
import org.apache.james.core.Username;
import org.apache.james.mailbox.Authenticator;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.util.MDCBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.account.PasswordChangeRequirements;
import vn.govmail.mailserver.report.LastLoginStore;

/**
 * One log line per mailbox login (IMAP LOGIN and AUTHENTICATE, ManageSieve): who, from where, the result.
 * James's protocol handlers set the client address in the logging context while the login runs.
 * The password is never logged.
 */
public class LoginAuditingAuthenticator implements Authenticator {
    private static final Logger LOGGER = LoggerFactory.getLogger("govmail.imap");

    private final UserRepositoryAuthenticator delegate;
    private final AccountStatusStore accounts;
    private final PasswordChangeRequirements passwordChanges;
    private final LastLoginStore lastLogins;

    @Inject
    public LoginAuditingAuthenticator(UserRepositoryAuthenticator delegate, AccountStatusStore accounts,
                                      PasswordChangeRequirements passwordChanges, LastLoginStore lastLogins) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.passwordChanges = passwordChanges;
        this.lastLogins = lastLogins;
    }

    /**
     * Disabled accounts fail like a wrong password (the client learns nothing); so does the right password of an
     * account that must change it (IMAP LOGIN tells that user why, see GovmailImapProcessor). The log says why.
     */
    @Override
    public boolean isAuthentic(Username user, CharSequence password) throws MailboxException {
        PasswordChangeRefusal.take(); // nothing left over from an earlier login on this thread
        boolean disabled = accounts.isDisabled(user);
        boolean rightPassword = !disabled && delegate.isAuthentic(user, password);
        boolean mustChange = rightPassword && passwordChanges.isRequired(user);
        boolean authentic = rightPassword && !mustChange;
        if (mustChange) {
            PasswordChangeRefusal.mark();
        }
        String protocol = MDC.get(MDCBuilder.PROTOCOL) == null ? "mailbox" : MDC.get(MDCBuilder.PROTOCOL).toLowerCase(java.util.Locale.ROOT);
        LOGGER.info("{} login {} user={} from={}", protocol,
            authentic ? "ok" : disabled ? "refused-disabled" : mustChange ? "refused-password-change" : "failed", user.asString(),
            MDC.get(MDCBuilder.IP) == null ? "-" : MDC.get(MDCBuilder.IP));
        if (authentic) {
            recordLastLogin(user, protocol);
        }
        return authentic;
    }

    /** For the "active in the last 30 days" reports; a failure to write it must not refuse the login. */
    private void recordLastLogin(Username user, String protocol) {
        try {
            lastLogins.record(user.asString(), protocol, java.time.Instant.now());
        } catch (Exception e) {
            LOGGER.warn("Cannot record the last login of {}: {}", user.asString(), e.getMessage());
        }
    }
}

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

/**
 * One log line per mailbox login (IMAP LOGIN and AUTHENTICATE, ManageSieve): who, from where, the result.
 * James's protocol handlers set the client address in the logging context while the login runs.
 * The password is never logged.
 */
public class LoginAuditingAuthenticator implements Authenticator {
    private static final Logger LOGGER = LoggerFactory.getLogger("govmail.imap");

    private final UserRepositoryAuthenticator delegate;

    @Inject
    public LoginAuditingAuthenticator(UserRepositoryAuthenticator delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean isAuthentic(Username user, CharSequence password) throws MailboxException {
        boolean authentic = delegate.isAuthentic(user, password);
        String protocol = MDC.get(MDCBuilder.PROTOCOL);
        LOGGER.info("{} login {} user={} from={}", protocol == null ? "mailbox" : protocol.toLowerCase(java.util.Locale.ROOT),
            authentic ? "ok" : "failed", user.asString(), MDC.get(MDCBuilder.IP) == null ? "-" : MDC.get(MDCBuilder.IP));
        return authentic;
    }
}

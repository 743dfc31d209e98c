package vn.govmail.mailserver.role;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.processor.LoginProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;

/**
 * IMAP LOGIN into a role mailbox with one's own password, for clients that cannot send a SASL authorization
 * identity (Thunderbird, Outlook): the user name {@code vanthu.sonoivu*nguyenvana@laichau.gov.vn} means "log in
 * as nguyenvana@laichau.gov.vn, open vanthu.sonoivu@laichau.gov.vn" (Dovecot's master-user syntax). Both accounts
 * are in the same domain; {@link RoleMailboxAuthorizator} decides.
 */
public class RoleLoginProcessor extends LoginProcessor {
    public static final char SEPARATOR = '*';

    @Inject
    public RoleLoginProcessor(MailboxManager mailboxManager, StatusResponseFactory factory, MetricFactory metricFactory) {
        super(mailboxManager, factory, metricFactory);
    }

    /** Whether the login name has the role*member form. */
    public static boolean isRoleLogin(LoginRequest request) {
        return request.getUserid().getLocalPart().indexOf(SEPARATOR) > 0;
    }

    @Override
    protected void processRequest(LoginRequest request, ImapSession session, Responder responder) {
        Optional<Username[]> users = split(request.getUserid());
        if (session.isPlainAuthDisallowed()) {
            no(request, responder, HumanReadableText.DISABLED_LOGIN);
        } else if (users.isEmpty()) {
            no(request, responder, HumanReadableText.INVALID_LOGIN);
        } else {
            doAuthWithDelegation(delegation(users.get()[0], users.get()[1], request.getPassword()), session, request, responder);
        }
    }

    /** [role, member], or nothing when either side is empty. */
    static Optional<Username[]> split(Username login) {
        String local = login.getLocalPart();
        int separator = local.indexOf(SEPARATOR);
        String role = local.substring(0, separator);
        String member = local.substring(separator + 1);
        if (role.isEmpty() || member.isEmpty() || member.indexOf(SEPARATOR) >= 0 || login.getDomainPart().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Username[] {
            Username.fromLocalPartWithDomain(role, login.getDomainPart().get()),
            Username.fromLocalPartWithDomain(member, login.getDomainPart().get())});
    }
}

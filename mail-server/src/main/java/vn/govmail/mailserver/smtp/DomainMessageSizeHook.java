package vn.govmail.mailserver.smtp;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;

import vn.govmail.mailserver.quota.DomainMessageSizeLimits;

/**
 * Per-domain maximum message size ({@link DomainMessageSizeLimits}), below the server-wide SMTP limit:
 * <ul>
 *   <li>at RCPT, when the client declared {@code SIZE=} on MAIL FROM and it exceeds the recipient domain's limit:
 *       {@code 552 5.3.4} for that recipient only;</li>
 *   <li>after DATA, when the message is larger than the limit of any accepted recipient's domain: {@code 552 5.3.4}
 *       for the message (SMTP has one answer per message after DATA).</li>
 * </ul>
 * A recipient's domain is that of the account the address lands in (an alias domain counts as its target).
 */
public class DomainMessageSizeHook implements RcptHook, JamesMessageHook {
    /** Where James's SIZE extension keeps the declared size (the same name and type make an equal key). */
    private static final ProtocolSession.AttachmentKey<Integer> DECLARED_SIZE = ProtocolSession.AttachmentKey.of("MESG_SIZE", Integer.class);

    private final DomainMessageSizeLimits limits;
    private final LocalRecipients localRecipients;

    @Inject
    public DomainMessageSizeHook(DomainMessageSizeLimits limits, LocalRecipients localRecipients) {
        this.limits = limits;
        this.localRecipients = localRecipients;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient, Map<String, String> parameters) {
        Optional<Integer> declared = session.getAttachment(DECLARED_SIZE, ProtocolSession.State.Transaction);
        Domain domain = accountDomain(recipient);
        Optional<Long> limit = limits.maxMessageSize(domain);
        if (declared.isPresent() && limit.isPresent() && declared.get() > limit.get()) {
            return tooBig(domain, limit.get());
        }
        return HookResult.DECLINED;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        long size;
        try {
            size = mail.getMessageSize();
        } catch (Exception e) {
            return HookResult.DECLINED;
        }
        for (MailAddress recipient : mail.getRecipients()) {
            Domain domain = accountDomain(recipient);
            Optional<Long> limit = limits.maxMessageSize(domain);
            if (limit.isPresent() && size > limit.get()) {
                return tooBig(domain, limit.get());
            }
        }
        return HookResult.DECLINED;
    }

    private Domain accountDomain(MailAddress recipient) {
        try {
            return localRecipients.singleAccount(recipient).flatMap(Username::getDomainPart).orElse(recipient.getDomain());
        } catch (Exception e) {
            return recipient.getDomain();
        }
    }

    private static HookResult tooBig(Domain domain, long limit) {
        return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode("552")
            .smtpDescription("5.3.4 Message too big for " + domain.asString() + ": its limit is " + limit + " bytes")
            .build();
    }
}

package vn.govmail.mailserver.smtp;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.Hook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookResultHook;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.SendMailHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One readable line per SMTP transaction, written when James has queued (or refused) the message:
 * {@code smtp accepted from=1.2.3.4 user=a@x sender=<a@x> rcpt=<b@y> size=1234 tls=true port=587}.
 * It never logs message content or credentials.
 */
public class SmtpTransactionLogger implements HookResultHook {
    private static final Logger LOGGER = LoggerFactory.getLogger("govmail.smtp");

    @Override
    public HookResult onHookResult(SMTPSession session, HookResult result, long executionTime, Hook hook) {
        if (hook instanceof SendMailHandler) {
            boolean accepted = HookReturnCode.Action.OK.equals(result.getResult().getAction());
            LOGGER.info("smtp {} from={} user={} sender=<{}> rcpt={} size={} tls={} port={}{}",
                accepted ? "accepted" : "refused",
                session.getRemoteAddress().getAddress().getHostAddress(),
                session.getUsername() == null ? "-" : session.getUsername().asString(),
                session.getAttachment(SMTPSession.SENDER, ProtocolSession.State.Transaction).map(MaybeSender::asString).orElse(""),
                recipients(session),
                session.currentMessageSize(),
                session.isTLSStarted(),
                session.getLocalAddress().getPort(),
                accepted ? "" : " reply=" + result.getSmtpRetCode() + " " + result.getSmtpDescription());
        }
        return result;
    }

    private static String recipients(SMTPSession session) {
        List<MailAddress> recipients = session.getAttachment(SMTPSession.RCPT_LIST, ProtocolSession.State.Transaction).orElse(List.of());
        return recipients.stream().map(address -> "<" + address.asString() + ">").collect(Collectors.joining(","));
    }
}

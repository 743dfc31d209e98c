package vn.govmail.mailserver.spam;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.spamfilter.Action;
import vn.govmail.spamfilter.SmtpEnvelope;
import vn.govmail.spamfilter.Verdict;

/**
 * The whole spam filter pipeline at end of DATA, before the 250: certain spam and malware are refused with
 * {@code 550 5.7.1} (nothing is accepted, so nothing bounces later); any other verdict rides on the mail as
 * attributes for {@link SpamVerdictMailet}. Past the time budget ({@code spam.smtp.budget.ms}) the mail is
 * accepted unfiltered rather than kept waiting; a filter failure never refuses mail.
 */
public class SpamCheckHook implements JamesMessageHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(SpamCheckHook.class);

    private final SpamFilterService filter;

    @Inject
    public SpamCheckHook(SpamFilterService filter) {
        this.filter = filter;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        if (!filter.enabled()) {
            return HookResult.DECLINED;
        }
        Verdict verdict;
        try {
            SmtpEnvelope envelope = envelope(session, mail);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mail.getMessage().writeTo(raw);
            verdict = CompletableFuture.supplyAsync(() -> filter.filter().scan(envelope, raw.toByteArray()), filter.scanners())
                .get(filter.smtpBudgetMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOGGER.warn("Spam filter over its {} ms budget for mail {}: accepted unfiltered", filter.smtpBudgetMillis(), mail.getName());
            return HookResult.DECLINED;
        } catch (Exception e) {
            LOGGER.warn("Spam filter failed for mail {}: accepted unfiltered ({})", mail.getName(), e.toString());
            return HookResult.DECLINED;
        }
        LOGGER.info("Spam verdict for {} from {}: {} score {} {}", mail.getName(), mail.getMaybeSender().asString(),
            verdict.action(), verdict.score(), verdict.rejectReason());
        if (verdict.action() == Action.REJECT) {
            return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode("550")
                .smtpDescription("5.7.1 Message refused as spam or malware (" + verdict.rejectReason() + ")").build();
        }
        SpamAttributes.attach(mail, verdict);
        return HookResult.DECLINED;
    }

    private static SmtpEnvelope envelope(SMTPSession session, Mail mail) {
        InetSocketAddress remote = session.getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
        String helo = session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection).orElse("");
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
        return new SmtpEnvelope(ip, helo, mail.getMaybeSender().asString(""), recipients,
            session.getUsername() != null, session.isTLSStarted())
            // what the connect and MAIL FROM checks found: not looked up again (null = not checked there)
            .withSmtpChecks(SmtpCheckResults.spf(session).orElse(null), SmtpCheckResults.dnsbl(session).orElse(null));
    }
}

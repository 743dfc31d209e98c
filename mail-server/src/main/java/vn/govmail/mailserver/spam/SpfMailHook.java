package vn.govmail.mailserver.spam;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPF (RFC 7208) at MAIL FROM (port 25). A {@code fail} — the sender domain's policy says this host may not
 * send for it ({@code -all}) — is refused with {@code 550 5.7.23} when {@code spam.smtp.spf.reject} is on
 * (default); any other result is kept in the transaction for the end-of-DATA pipeline, which then scores it
 * without a second lookup. Authenticated sessions and trusted networks are not checked; a DNS failure or
 * timeout gives no opinion ({@code temperror} for the pipeline, which counts it) and never refuses.
 */
public class SpfMailHook implements MailHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(SpfMailHook.class);

    private final SpamFilterService filter;

    @Inject
    public SpfMailHook(SpamFilterService filter) {
        this.filter = filter;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (!filter.spfAtMailFrom() || filter.trustedClient(session)) {
            return HookResult.DECLINED;
        }
        String ip = SmtpCheckResults.client(session).orElseThrow().getHostAddress();
        String helo = session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection).orElse("");
        String mailFrom = sender.asString("");
        Optional<String> result = filter.filter().smtpChecks().spf(ip, mailFrom, helo);
        SmtpCheckResults.spf(session, result.orElse("temperror"));
        if (result.isPresent() && result.get().equals("fail") && filter.spfRejects()) {
            String identity = mailFrom.isEmpty() ? "HELO " + helo : sender.get().getDomain().asString();
            LOGGER.info("Refused MAIL FROM:<{}> from {}: SPF fail", mailFrom, ip);
            return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode("550")
                .smtpDescription("5.7.23 SPF validation failed: " + identity + " does not allow " + ip + " to send its mail").build();
        }
        return HookResult.DECLINED;
    }
}

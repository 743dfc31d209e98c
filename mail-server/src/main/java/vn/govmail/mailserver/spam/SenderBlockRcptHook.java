package vn.govmail.mailserver.spam;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;

import vn.govmail.mailserver.smtp.LocalRecipientHook;

/**
 * A recipient's block list at RCPT TO: an envelope sender the recipient (or their domain, or the global list)
 * blocks is refused with {@code 550 5.7.1} for that recipient before any data is sent. A blocked address that
 * only appears in the From header is caught by the pipeline's sender-lists step at end of DATA.
 */
public class SenderBlockRcptHook implements LocalRecipientHook {
    private final SpamFilterService filter;

    @Inject
    public SenderBlockRcptHook(SpamFilterService filter) {
        this.filter = filter;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        if (!filter.enabled() || sender.isNullSender()) {
            return HookResult.DECLINED;
        }
        boolean blocked = filter.filter().senderDecision(sender.asString(), rcpt.asString()).map(allowed -> !allowed).orElse(false);
        if (!blocked) {
            return HookResult.DECLINED;
        }
        return HookResult.builder().hookReturnCode(HookReturnCode.deny()).smtpReturnCode("550")
            .smtpDescription("5.7.1 " + rcpt.asString() + " does not accept mail from " + sender.asString() + " (block list)").build();
    }
}

package vn.govmail.mailserver.smtp;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

import vn.govmail.mailserver.account.AccountStatusStore;

/** A disabled account receives no mail: 550 5.2.1 at RCPT (RFC 3463 "mailbox disabled, not accepting messages"). */
public class DisabledAccountRcptHook implements RcptHook {
    private final LocalRecipients localRecipients;
    private final AccountStatusStore accounts;

    @Inject
    public DisabledAccountRcptHook(LocalRecipients localRecipients, AccountStatusStore accounts) {
        this.localRecipients = localRecipients;
        this.accounts = accounts;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient, Map<String, String> parameters) {
        try {
            if (localRecipients.singleAccount(recipient).filter(accounts::isDisabled).isPresent()) {
                return HookResult.builder()
                    .hookReturnCode(HookReturnCode.deny())
                    .smtpReturnCode("550")
                    .smtpDescription("5.2.1 Mailbox disabled: <" + recipient.asString() + "> does not accept messages")
                    .build();
            }
        } catch (Exception e) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.denySoft())
                .smtpReturnCode("451")
                .smtpDescription("4.3.0 Temporary failure checking the recipient, try again later")
                .build();
        }
        return HookResult.DECLINED;
    }
}

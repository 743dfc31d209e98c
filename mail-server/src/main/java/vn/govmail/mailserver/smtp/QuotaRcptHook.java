package vn.govmail.mailserver.smtp;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.mailbox.quota.QuotaManager;
import org.apache.james.mailbox.quota.UserQuotaRootResolver;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a recipient whose mailbox is full (storage or message count) at RCPT time with 452 4.2.2 (RFC 3463),
 * so the sending server keeps the mail and retries, instead of us accepting it and bouncing later. A mailbox
 * with room left still takes a message that then overflows it: delivery enforces the exact limit.
 */
public class QuotaRcptHook implements RcptHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuotaRcptHook.class);

    private final LocalRecipients localRecipients;
    private final QuotaManager quotas;
    private final UserQuotaRootResolver quotaRoots;

    @Inject
    public QuotaRcptHook(LocalRecipients localRecipients, QuotaManager quotas, UserQuotaRootResolver quotaRoots) {
        this.localRecipients = localRecipients;
        this.quotas = quotas;
        this.quotaRoots = quotaRoots;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient, Map<String, String> parameters) {
        try {
            Optional<Username> account = localRecipients.singleAccount(recipient);
            if (account.isEmpty()) {
                return HookResult.DECLINED;
            }
            QuotaManager.Quotas usage = quotas.getQuotas(quotaRoots.forUser(account.get()));
            if (usage.getStorageQuota().isOverQuotaWithAdditionalValue(1)
                || usage.getMessageQuota().isOverQuotaWithAdditionalValue(1)) {
                return HookResult.builder()
                    .hookReturnCode(HookReturnCode.denySoft())
                    .smtpReturnCode("452")
                    .smtpDescription("4.2.2 Mailbox full: <" + recipient.asString() + "> is over its quota, try again later")
                    .build();
            }
        } catch (Exception e) {
            // A quota read failure must not refuse mail: delivery enforces the quota again.
            LOGGER.warn("Cannot check the quota of {} at RCPT: {}", recipient.asString(), e.getMessage());
        }
        return HookResult.DECLINED;
    }
}

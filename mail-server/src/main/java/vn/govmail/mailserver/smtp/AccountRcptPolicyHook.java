package vn.govmail.mailserver.smtp;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.mailbox.quota.QuotaManager;
import org.apache.james.mailbox.quota.UserQuotaRootResolver;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.account.AccountStatusStore;

/**
 * Per-account checks at RCPT time, after the recipient is known to be local (the address is resolved to its
 * account once, aliases included):
 * <ul>
 *   <li>a disabled account receives nothing: {@code 550 5.2.1} (RFC 3463 "mailbox disabled");</li>
 *   <li>a full mailbox (storage or message count) gets {@code 452 4.2.2}, so the sending server keeps the mail and
 *       retries instead of us accepting it and bouncing later — or {@code 552 5.2.2} where the province's policy
 *       makes it permanent (setting {@code quota.over-quota-reply=permanent}: the sender learns at once, nothing
 *       waits in queues for days). A mailbox with room left still takes a message that then overflows it: delivery
 *       enforces the exact limit.</li>
 * </ul>
 * Groups (several targets) are judged per member at delivery.
 */
public class AccountRcptPolicyHook implements RcptHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(AccountRcptPolicyHook.class);

    private final LocalRecipients localRecipients;
    private final AccountStatusStore accounts;
    private final QuotaManager quotas;
    private final UserQuotaRootResolver quotaRoots;
    private boolean overQuotaIsPermanent;

    @Inject
    public AccountRcptPolicyHook(LocalRecipients localRecipients, AccountStatusStore accounts, QuotaManager quotas,
                                 UserQuotaRootResolver quotaRoots) {
        this.localRecipients = localRecipients;
        this.accounts = accounts;
        this.quotas = quotas;
        this.quotaRoots = quotaRoots;
    }

    /** {@code <overQuotaReply>temporary|permanent</overQuotaReply>} in smtpserver.xml (from quota.over-quota-reply). */
    @Override
    public void init(Configuration config) throws ConfigurationException {
        String reply = config.getString("overQuotaReply", "temporary").trim().toLowerCase(java.util.Locale.ROOT);
        if (!reply.equals("temporary") && !reply.equals("permanent")) {
            throw new ConfigurationException("quota.over-quota-reply must be 'temporary' (452 4.2.2) or 'permanent' (552 5.2.2), not '" + reply + "'");
        }
        overQuotaIsPermanent = reply.equals("permanent");
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient, Map<String, String> parameters) {
        Optional<Username> account;
        try {
            account = localRecipients.singleAccount(recipient);
        } catch (Exception e) {
            return reply(HookReturnCode.denySoft(), "451", "4.3.0 Temporary failure checking the recipient, try again later");
        }
        if (account.isEmpty()) {
            return HookResult.DECLINED;
        }
        if (accounts.isDisabled(account.get())) {
            return reply(HookReturnCode.deny(), "550", "5.2.1 Mailbox disabled: <" + recipient.asString() + "> does not accept messages");
        }
        if (isFull(account.get())) {
            return overQuotaIsPermanent
                ? reply(HookReturnCode.deny(), "552", "5.2.2 Mailbox full: <" + recipient.asString() + "> is over its quota")
                : reply(HookReturnCode.denySoft(), "452", "4.2.2 Mailbox full: <" + recipient.asString() + "> is over its quota, try again later");
        }
        return HookResult.DECLINED;
    }

    private boolean isFull(Username account) {
        try {
            QuotaManager.Quotas usage = quotas.getQuotas(quotaRoots.forUser(account));
            return usage.getStorageQuota().isOverQuotaWithAdditionalValue(1) || usage.getMessageQuota().isOverQuotaWithAdditionalValue(1);
        } catch (Exception e) {
            // A quota read failure must not refuse mail: delivery enforces the quota again.
            LOGGER.warn("Cannot check the quota of {} at RCPT: {}", account.asString(), e.getMessage());
            return false;
        }
    }

    private static HookResult reply(HookReturnCode code, String smtpCode, String description) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(smtpCode).smtpDescription(description).build();
    }
}

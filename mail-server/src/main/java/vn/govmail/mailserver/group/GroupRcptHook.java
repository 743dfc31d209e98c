package vn.govmail.mailserver.group;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

import vn.govmail.mailserver.smtp.LocalRecipientHook;

/**
 * Accepts RCPT to a distribution group, directly or through an alias or alias domain ({@link GroupRecipients}; a
 * group is neither an account nor an alias, so James's ValidRcptHandler would refuse it) when the sender may write
 * to it, and refuses with {@code 550 5.7.1} otherwise. "domain" and "members" groups need an authenticated sender:
 * an envelope sender on port 25 proves nothing.
 * Must run before ValidRcptHandler in smtpserver.xml. A group address is ours, so the checks for our recipients
 * ({@link LocalRecipientHook}s: the spam filter's block lists and greylisting) judge it before it is accepted: with
 * the group address's own lists, then its domain's and the global ones (the members' personal lists are not asked:
 * one member's block would refuse the mail for the whole group).
 */
public class GroupRcptHook implements RcptHook {
    private final GroupRecipients groupRecipients;
    private final Set<LocalRecipientHook> localRecipientHooks;

    @Inject
    public GroupRcptHook(GroupRecipients groupRecipients, Set<LocalRecipientHook> localRecipientHooks) {
        this.groupRecipients = groupRecipients;
        this.localRecipientHooks = localRecipientHooks;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient, Map<String, String> parameters) {
        try {
            GroupRecipients.Reach reach = groupRecipients.reach(recipient);
            if (!reach.reachesGroups()) {
                return HookResult.DECLINED;
            }
            for (DistributionGroup group : reach.groups()) {
                Optional<String> refusal = groupRecipients.refusal(group, session.getUsername());
                if (refusal.isPresent()) {
                    return reply(HookReturnCode.deny(), "550", "5.7.1 " + refusal.get());
                }
            }
            for (LocalRecipientHook hook : localRecipientHooks) {
                HookResult verdict = hook.doRcpt(session, sender, recipient, parameters);
                if (verdict.getResult().getAction() != HookReturnCode.Action.DECLINED) {
                    return verdict;
                }
            }
            return reply(HookReturnCode.ok(), "250", "2.1.5 Recipient <" + recipient.asString() + "> OK (distribution group)");
        } catch (Exception e) {
            return reply(HookReturnCode.denySoft(), "451", "4.3.0 Temporary failure checking the recipient, try again later");
        }
    }

    private static HookResult reply(HookReturnCode code, String smtpCode, String description) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(smtpCode).smtpDescription(description).build();
    }
}

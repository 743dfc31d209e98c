package vn.govmail.mailserver.group;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Accepts RCPT to a distribution group (which is neither an account nor an alias, so James's ValidRcptHandler
 * would refuse it) when the sender may write to it, and refuses with {@code 550 5.7.1} otherwise. "domain" and
 * "members" groups need an authenticated sender: an envelope sender on port 25 proves nothing.
 * Must run before ValidRcptHandler in smtpserver.xml.
 */
public class GroupRcptHook implements RcptHook {
    private final DistributionGroupStore groups;
    private final GroupExpander expander;

    @Inject
    public GroupRcptHook(DistributionGroupStore groups, GroupExpander expander) {
        this.groups = groups;
        this.expander = expander;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient, Map<String, String> parameters) {
        try {
            Optional<DistributionGroup> group = groups.find(recipient.asString().toLowerCase(Locale.ROOT));
            if (group.isEmpty()) {
                return HookResult.DECLINED;
            }
            Username user = session.getUsername();
            Optional<String> refusal = refusal(group.get(), user);
            if (refusal.isPresent()) {
                return reply(HookReturnCode.deny(), "550", "5.7.1 " + refusal.get());
            }
            return reply(HookReturnCode.ok(), "250", "2.1.5 Recipient <" + recipient.asString() + "> OK (distribution group)");
        } catch (Exception e) {
            return reply(HookReturnCode.denySoft(), "451", "4.3.0 Temporary failure checking the recipient, try again later");
        }
    }

    private Optional<String> refusal(DistributionGroup group, Username user) throws Exception {
        switch (group.senderPolicy()) {
            case ANYONE:
                return Optional.empty();
            case DOMAIN:
                if (user != null && user.getDomainPart().map(domain -> domain.asString().equalsIgnoreCase(group.domain())).orElse(false)) {
                    return Optional.empty();
                }
                return Optional.of("The group <" + group.address() + "> accepts mail only from authenticated users of " + group.domain());
            case MEMBERS:
                if (user != null && expander.expand(group.address()).contains(user.asString())) {
                    return Optional.empty();
                }
                return Optional.of("The group <" + group.address() + "> accepts mail only from its members (authenticated)");
            default:
                throw new IllegalStateException("Unknown sender policy " + group.senderPolicy());
        }
    }

    private static HookResult reply(HookReturnCode code, String smtpCode, String description) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(smtpCode).smtpDescription(description).build();
    }
}

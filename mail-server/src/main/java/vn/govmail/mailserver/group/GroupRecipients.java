package vn.govmail.mailserver.group;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.lib.Mapping;

/**
 * Which distribution groups mail to an address reaches, and whether a sender may write to them. An address reaches
 * a group by being it, or through James's recipient rewriting: an alias domain ({@code lanhdao@old.gov.vn} when
 * {@code old.gov.vn} is an alias of {@code new.gov.vn}), an alias or a James group whose target is the group. The
 * same answer serves the RCPT check ({@link GroupRcptHook}) and the expansion ({@link ExpandDistributionGroups}),
 * so a sender policy cannot be bypassed by writing to an alias of the group.
 */
public class GroupRecipients {
    /** The groups an address reaches and the other addresses it is rewritten to (empty: not a group's). */
    public record Reach(List<DistributionGroup> groups, List<MailAddress> others) {
        public boolean reachesGroups() {
            return !groups.isEmpty();
        }
    }

    private static final Reach NONE = new Reach(List.of(), List.of());

    private final DistributionGroupStore groups;
    private final GroupExpander expander;
    private final RecipientRewriteTable rewrites;

    @Inject
    public GroupRecipients(DistributionGroupStore groups, GroupExpander expander, RecipientRewriteTable rewrites) {
        this.groups = groups;
        this.expander = expander;
        this.rewrites = rewrites;
    }

    public Reach reach(MailAddress address) throws Exception {
        Optional<DistributionGroup> group = groups.find(address.asString().toLowerCase(Locale.ROOT));
        if (group.isPresent()) {
            return new Reach(List.of(group.get()), List.of());
        }
        List<DistributionGroup> reached = new ArrayList<>();
        List<MailAddress> others = new ArrayList<>();
        try {
            for (Mapping mapping : rewrites.getResolvedMappings(address.getLocalPart(), address.getDomain()).asStream().toList()) {
                Optional<MailAddress> target = mapping.asMailAddress();
                if (target.isEmpty()) {
                    continue;
                }
                Optional<DistributionGroup> targetGroup = groups.find(target.get().asString().toLowerCase(Locale.ROOT));
                if (targetGroup.isPresent()) {
                    reached.add(targetGroup.get());
                } else {
                    others.add(target.get());
                }
            }
        } catch (RecipientRewriteTable.ErrorMappingException | RecipientRewriteTableException e) {
            // An error mapping or a broken chain (a loop): James's ValidRcptHandler and RecipientRewriteTable mailet answer it.
            return NONE;
        }
        return reached.isEmpty() ? NONE : new Reach(reached, others);
    }

    /** Why {@code sender} (authenticated user, or null) may not write to the group; empty if allowed. */
    public Optional<String> refusal(DistributionGroup group, Username sender) throws Exception {
        switch (group.senderPolicy()) {
            case ANYONE:
                return Optional.empty();
            case DOMAIN:
                if (sender != null && sender.getDomainPart().map(domain -> domain.asString().equalsIgnoreCase(group.domain())).orElse(false)) {
                    return Optional.empty();
                }
                return Optional.of("The group <" + group.address() + "> accepts mail only from authenticated users of " + group.domain());
            case MEMBERS:
                if (sender != null && expander.expand(group.address()).contains(sender.asString().toLowerCase(Locale.ROOT))) {
                    return Optional.empty();
                }
                return Optional.of("The group <" + group.address() + "> accepts mail only from its members (authenticated)");
            default:
                throw new IllegalStateException("Unknown sender policy " + group.senderPolicy());
        }
    }
}

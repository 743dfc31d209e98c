package vn.govmail.mailserver.group;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Username;

import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.group.DistributionGroup.Member;
import vn.govmail.mailserver.organisation.OrganisationStore;
import vn.govmail.mailserver.organisation.UnitTree;

/**
 * The accounts a group reaches now: its user members, the members of its nested groups, and the accounts of its
 * units (with their sub-units where asked), each once. Disabled accounts are left out (they receive no mail).
 * Expansion happens at delivery time, so a change of unit or membership applies to the next message.
 */
public class GroupExpander {
    private final DistributionGroupStore groups;
    private final OrganisationStore organisation;
    private final AccountStatusStore accounts;

    @Inject
    public GroupExpander(DistributionGroupStore groups, OrganisationStore organisation, AccountStatusStore accounts) {
        this.groups = groups;
        this.organisation = organisation;
        this.accounts = accounts;
    }

    public Set<String> expand(String groupAddress) throws SQLException {
        Set<String> recipients = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(groupAddress);
        UnitTree tree = null;
        while (!pending.isEmpty()) {
            String group = pending.poll();
            if (!visited.add(group)) {
                continue; // cycles are refused when members are added; this guard keeps a hand-edited table safe too
            }
            for (Member member : groups.members(group)) {
                switch (member.kind()) {
                    case USER -> recipients.add(member.value());
                    case GROUP -> pending.add(member.value());
                    case UNIT -> {
                        tree = tree == null ? organisation.tree() : tree;
                        long unitId = Long.parseLong(member.value());
                        Set<Long> units = member.includeSubunits() ? tree.subtree(unitId) : Set.of(unitId);
                        organisation.members(units).forEach(membership -> recipients.add(membership.username()));
                    }
                    default -> throw new IllegalStateException("Unknown member kind " + member.kind());
                }
            }
        }
        recipients.removeIf(username -> accounts.isDisabled(Username.of(username)));
        return recipients;
    }
}

package vn.govmail.mailserver.group;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.group.DistributionGroup.Member;
import vn.govmail.mailserver.organisation.OrganisationStore;
import vn.govmail.mailserver.organisation.UnitTree;

/**
 * The accounts a group reaches now: its user members, the members of its nested groups, and the accounts of its
 * units (with their sub-units where asked), each once. Disabled and deleted accounts are left out.
 * Expansion happens at delivery time, so a change of unit or membership applies to the next message.
 */
public class GroupExpander {
    private final DistributionGroupStore groups;
    private final OrganisationStore organisation;
    private final AccountStatusStore accounts;
    private final UsersRepository users;

    @Inject
    public GroupExpander(DistributionGroupStore groups, OrganisationStore organisation, AccountStatusStore accounts, UsersRepository users) {
        this.groups = groups;
        this.organisation = organisation;
        this.accounts = accounts;
        this.users = users;
    }

    public Set<String> expand(String groupAddress) throws SQLException, UsersRepositoryException {
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
        Set<String> reachable = new LinkedHashSet<>();
        for (String username : recipients) {
            // A deleted account may still be listed in a unit or group: it must not turn into a bounce.
            if (!accounts.isDisabled(Username.of(username)) && users.contains(Username.of(username))) {
                reachable.add(username);
            }
        }
        return reachable;
    }
}

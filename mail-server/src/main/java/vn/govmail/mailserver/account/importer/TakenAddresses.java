package vn.govmail.mailserver.account.importer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.MappingSource;

import vn.govmail.mailserver.group.DistributionGroup;
import vn.govmail.mailserver.group.DistributionGroupStore;

/**
 * Addresses an imported account may not take because they already deliver somewhere else: govmail distribution
 * groups and the sources of James's aliases, groups and forwards. The import writes accounts in batches past
 * {@code UsersRepository.addUser} (and so past James's {@code UserEntityValidator}s), so its plan checks these
 * itself, read with one query each rather than one per CSV line.
 */
public class TakenAddresses {
    private final DistributionGroupStore groups;
    private final RecipientRewriteTable rewrites;

    @Inject
    public TakenAddresses(DistributionGroupStore groups, RecipientRewriteTable rewrites) {
        this.groups = groups;
        this.rewrites = rewrites;
    }

    /** Lower-case address → why it is taken. */
    public Map<String, String> now() throws Exception {
        Map<String, String> taken = new HashMap<>();
        for (Map.Entry<MappingSource, ?> entry : rewrites.getAllMappings().entrySet()) {
            Optional<org.apache.james.core.MailAddress> source = entry.getKey().asMailAddress();
            source.ifPresent(address -> taken.put(address.asString().toLowerCase(Locale.ROOT),
                "is already an alias, group or forward (govmail admin alias list / James /address routes): remove it first"));
        }
        for (DistributionGroup group : groups.list()) {
            taken.put(group.address(), "is already a distribution group: delete the group first (govmail admin group delete)");
        }
        return taken;
    }
}

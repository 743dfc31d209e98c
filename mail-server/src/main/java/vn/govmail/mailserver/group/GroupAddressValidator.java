package vn.govmail.mailserver.group;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.UserEntityValidator;
import org.apache.james.core.Username;

/**
 * Keeps a distribution group's address from also becoming an account, an alias or a James group: James asks every
 * {@link UserEntityValidator} before {@code PUT /users/{user}}, a rename, {@code /address/aliases} and
 * {@code /address/groups} (and answers 409 / 400 with this message). The reverse (a group at an account or alias
 * address) is refused by {@link GroupRoutes}.
 */
public class GroupAddressValidator implements UserEntityValidator {
    private final DistributionGroupStore groups;

    @Inject
    public GroupAddressValidator(DistributionGroupStore groups) {
        this.groups = groups;
    }

    @Override
    public Optional<ValidationFailure> canCreate(Username username, Set<EntityType> ignoredTypes) throws Exception {
        return groups.find(username.asString())
            .map(group -> new ValidationFailure("'" + group.address() + "' is a distribution group (govmail group): delete the group first"));
    }
}

package vn.govmail.mailserver.group;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.UserEntityValidator;
import org.apache.james.core.Username;

/**
 * Keeps a distribution group's address from also becoming an account: James asks every {@link UserEntityValidator}
 * before creating a user ({@code PUT /users/{user}}, a rename) and answers 409 with this message. James 3.8.1's
 * {@code /address/aliases} and {@code /address/groups} routes do not ask the validators: {@link GroupRoutes} guards
 * them, and refuses a group at an account or alias address (the reverse).
 */
public class GroupAddressValidator implements UserEntityValidator {
    private final DistributionGroupStore groups;

    @Inject
    public GroupAddressValidator(DistributionGroupStore groups) {
        this.groups = groups;
    }

    @Override
    public Optional<ValidationFailure> canCreate(Username username, Set<EntityType> ignoredTypes) throws Exception {
        return groups.find(username.asString()).map(group -> new ValidationFailure(refusal(group.address())));
    }

    static String refusal(String groupAddress) {
        return "'" + groupAddress + "' is a distribution group (govmail group): delete the group first";
    }
}

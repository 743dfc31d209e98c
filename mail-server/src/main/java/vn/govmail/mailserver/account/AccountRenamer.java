package vn.govmail.mailserver.account;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.service.UsernameChangeService;

/**
 * Renames an account (e.g. after a marriage or a merger of units): the new account gets the mailboxes, rights
 * and quota of the old one through James's username-change steps, and the old address keeps receiving: James's
 * forward step maps it to the new account; where no mapping exists we add an alias.
 *
 * <p>The password must be set anew: stored hashes are salted with the user name.
 */
public class AccountRenamer {
    public static class RenameException extends Exception {
        public RenameException(String message) {
            super(message);
        }
    }

    private final UsersRepository users;
    private final UsernameChangeService usernameChanges;
    private final RecipientRewriteTable rewrites;
    private final AccountStatusStore statuses;

    @Inject
    public AccountRenamer(UsersRepository users, UsernameChangeService usernameChanges, RecipientRewriteTable rewrites,
                          AccountStatusStore statuses) {
        this.users = users;
        this.usernameChanges = usernameChanges;
        this.rewrites = rewrites;
        this.statuses = statuses;
    }

    public void rename(Username from, Username to, String newPassword) throws Exception {
        if (!users.contains(from)) {
            throw new RenameException("User " + from.asString() + " does not exist");
        }
        if (users.contains(to)) {
            throw new RenameException("User " + to.asString() + " already exists");
        }
        users.addUser(to, newPassword);
        usernameChanges.performer(Optional.empty()).changeUsername(from, to).block();
        boolean wasDisabled = statuses.isDisabled(from);
        users.removeUser(from);
        MappingSource oldAddress = MappingSource.fromUser(from);
        if (rewrites.getStoredMappings(oldAddress).isEmpty()) {
            rewrites.addAliasMapping(oldAddress, to.asString());
        }
        if (wasDisabled) {
            statuses.setDisabled(to, true, "renamed from " + from.asString() + " while disabled");
            statuses.setDisabled(from, false, "renamed to " + to.asString());
        }
    }
}

package vn.govmail.mailserver.account;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.model.User;

/**
 * Sets an account's password (admin reset or the user's own change), applying the {@link PasswordPolicy}; a new
 * password ends a pending {@link PasswordChangeRequirements forced change}.
 */
public class AccountPasswordChanger {
    public static class PasswordRefused extends Exception {
        public PasswordRefused(String message) {
            super(message);
        }
    }

    private final UsersRepository users;
    private final PasswordChangeRequirements passwordChanges;

    @Inject
    public AccountPasswordChanger(UsersRepository users, PasswordChangeRequirements passwordChanges) {
        this.users = users;
        this.passwordChanges = passwordChanges;
    }

    public void change(Username user, String newPassword) throws Exception {
        Optional<String> violation = PasswordPolicy.violation(user, newPassword);
        if (violation.isPresent()) {
            throw new PasswordRefused("Password refused for " + user.asString() + ": " + violation.get());
        }
        User account = users.getUserByName(user);
        if (account == null) {
            throw new PasswordRefused("User " + user.asString() + " does not exist");
        }
        account.setPassword(newPassword);
        users.updateUser(account);
        passwordChanges.clear(user);
    }

    /** The user's own change: the current password must be right, and the new one different. */
    public void changeOwn(Username user, String currentPassword, String newPassword) throws Exception {
        if (!users.test(user, currentPassword)) {
            throw new SecurityException("Wrong user name or current password");
        }
        if (currentPassword.equals(newPassword)) {
            throw new PasswordRefused("The new password must differ from the current one");
        }
        change(user, newPassword);
    }
}

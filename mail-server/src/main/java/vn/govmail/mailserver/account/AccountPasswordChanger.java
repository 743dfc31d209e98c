package vn.govmail.mailserver.account;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.model.User;

import vn.govmail.mailserver.userapi.UserSessions;

/**
 * Sets an account's password (admin reset or the user's own change), applying the {@link PasswordPolicy}; a new
 * password ends a pending {@link PasswordChangeRequirements forced change} and every user-API session of the account
 * (an admin resetting a compromised password must shut the intruder out of the webmail's API too).
 */
public class AccountPasswordChanger {
    public static class PasswordRefused extends Exception {
        public PasswordRefused(String message) {
            super(message);
        }
    }

    private final UsersRepository users;
    private final PasswordChangeRequirements passwordChanges;
    private final UserSessions sessions;

    @Inject
    public AccountPasswordChanger(UsersRepository users, PasswordChangeRequirements passwordChanges, UserSessions sessions) {
        this.users = users;
        this.passwordChanges = passwordChanges;
        this.sessions = sessions;
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
        sessions.closeAll(user);
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

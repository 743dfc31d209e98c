package vn.govmail.mailserver.userapi;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import spark.Request;
import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.admin.DelegatedTokens;

/**
 * Lets a mail user's session token ({@link UserSessions}) through WebAdmin's authentication for the user API only:
 * routes under {@value #PREFIX}. Every other route answers 403 to it. A session of an account disabled, deleted or
 * renamed since it began ends at its next request (401, like an unknown token); a password change ends them at once
 * ({@code AccountPasswordChanger}).
 */
public class UserSessionTokens implements DelegatedTokens {
    public static final String PREFIX = "/govmail/me";

    private final UserSessions sessions;
    private final AccountStatusStore accounts;
    private final UsersRepository users;

    @Inject
    public UserSessionTokens(UserSessions sessions, AccountStatusStore accounts, UsersRepository users) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    public Optional<String> authorize(String token, Request request) {
        Optional<Username> user = sessions.use(token);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (accounts.isDisabled(user.get()) || !exists(user.get())) {
            sessions.closeAll(user.get());
            return Optional.empty();
        }
        String path = request.pathInfo();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            throw AdminErrors.forbidden("A user session may only use " + PREFIX + "/…, not " + request.requestMethod() + " " + path);
        }
        return Optional.of(SessionUser.ACTOR_PREFIX + user.get().asString());
    }

    /** Deleted and renamed accounts are gone from the repository (its answer is cached, removals forgotten at once). */
    private boolean exists(Username user) {
        try {
            return users.contains(user);
        } catch (UsersRepositoryException e) {
            throw AdminErrors.status(503, "The account store is unavailable, try again later");
        }
    }
}

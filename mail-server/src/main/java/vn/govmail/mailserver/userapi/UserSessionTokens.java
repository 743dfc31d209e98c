package vn.govmail.mailserver.userapi;

import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import spark.Request;
import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.admin.DelegatedTokens;
import vn.govmail.mailserver.administrators.AdminConsoleScope;
import vn.govmail.mailserver.administrators.AdministratorStore;

/**
 * Lets a mail user's session token ({@link UserSessions}) through WebAdmin's authentication for the user API only:
 * routes under {@value #PREFIX}. The session of an administrator ({@link AdministratorStore}) may also call the admin
 * console's routes ({@link AdminConsoleScope}), acting as {@code admin:<address>} in the audit log; the role is checked
 * at every request, so a removed administrator is refused at once. Every other route answers 403 to it, and so does
 * a request URI that the decoded-path check and Spark's routing could read differently ({@link #refuseAmbiguousUri}).
 * A session of an account disabled, deleted or renamed since it began ends at its next request (401, like an unknown
 * token); a password change ends them at once ({@code AccountPasswordChanger}).
 */
public class UserSessionTokens implements DelegatedTokens {
    public static final String PREFIX = "/govmail/me";
    /** The audit actor of an administrator's session on an admin route. */
    public static final String ADMIN_ACTOR_PREFIX = "admin:";

    private final UserSessions sessions;
    private final AccountStatusStore accounts;
    private final UsersRepository users;
    private final AdministratorStore administrators;

    @Inject
    public UserSessionTokens(UserSessions sessions, AccountStatusStore accounts, UsersRepository users, AdministratorStore administrators) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.users = users;
        this.administrators = administrators;
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
        refuseAmbiguousUri(request.uri());
        String path = request.pathInfo();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            if (administrators.isAdministrator(user.get())) {
                AdminConsoleScope.passwordRefusal(request.requestMethod(), path, request.queryParams()).ifPresent(reason -> {
                    throw AdminErrors.forbidden(reason);
                });
                if (AdminConsoleScope.allows(request.requestMethod(), path)) {
                    return Optional.of(ADMIN_ACTOR_PREFIX + user.get().asString());
                }
                throw AdminErrors.forbidden("The admin console may not use " + request.requestMethod() + " " + path
                    + ": that needs the IT center's admin token (./govmail admin on the server)");
            }
            throw AdminErrors.forbidden("A user session may only use " + PREFIX + "/…, not " + request.requestMethod() + " " + path);
        }
        return Optional.of(SessionUser.ACTOR_PREFIX + user.get().asString());
    }

    /**
     * The scope is checked on the decoded path, while Spark routes on the raw request URI: an encoded slash or dot, or
     * a dot or empty segment, could make the two disagree (a path that passes the check reaching another route).
     * Nothing the webmail sends looks like that, so such a URI is refused rather than interpreted.
     */
    static void refuseAmbiguousUri(String rawUri) {
        String uri = rawUri.toLowerCase(Locale.ROOT);
        boolean ambiguous = uri.contains("%2f") || uri.contains("%2e") || uri.contains("//") || uri.contains("/./") || uri.contains("/../")
            || uri.endsWith("/.") || uri.endsWith("/..");
        if (ambiguous) {
            throw AdminErrors.forbidden("A session token may not use a path with an encoded '/' or '.', an empty segment or a '.' or '..' "
                + "segment");
        }
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

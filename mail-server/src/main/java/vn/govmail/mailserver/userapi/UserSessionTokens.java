package vn.govmail.mailserver.userapi;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;

import spark.Request;
import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.admin.DelegatedTokens;

/**
 * Lets a mail user's session token ({@link UserSessions}) through WebAdmin's authentication for the user API only:
 * routes under {@value #PREFIX}. Every other route answers 403 to it. A session of an account disabled since it
 * began ends at its next request (401, like an unknown token).
 */
public class UserSessionTokens implements DelegatedTokens {
    public static final String PREFIX = "/govmail/me";

    private final UserSessions sessions;
    private final AccountStatusStore accounts;

    @Inject
    public UserSessionTokens(UserSessions sessions, AccountStatusStore accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @Override
    public Optional<String> authorize(String token, Request request) {
        Optional<Username> user = sessions.use(token);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (accounts.isDisabled(user.get())) {
            sessions.closeAll(user.get());
            return Optional.empty();
        }
        String path = request.pathInfo();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            throw ErrorResponder.builder().statusCode(403).type(ErrorType.INVALID_ARGUMENT)
                .message("A user session may only use " + PREFIX + "/…, not " + request.requestMethod() + " " + path)
                .haltError();
        }
        return Optional.of(SessionUser.ACTOR_PREFIX + user.get().asString());
    }
}

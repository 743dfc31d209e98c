package vn.govmail.mailserver.userapi;

import org.apache.james.core.Username;

import spark.Request;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.admin.AdminTokenFilter;

/**
 * The mail user a user-API request acts for. Routes under {@link UserSessionTokens#PREFIX} call {@link #of} first:
 * a user's session token is the only credential they accept (the admin token and client-system tokens act for
 * nobody's mailbox there; they have their own admin routes).
 */
public final class SessionUser {
    static final String ACTOR_PREFIX = "user:";

    private SessionUser() {
    }

    public static Username of(Request request) {
        Object actor = request.attribute(AdminTokenFilter.ACTOR_ATTRIBUTE);
        if (actor instanceof String text && text.startsWith(ACTOR_PREFIX)) {
            return Username.of(text.substring(ACTOR_PREFIX.length()));
        }
        throw AdminErrors.forbidden("This route acts for a mail user: open a session with POST " + UserSessionRoutes.SESSION_PATH
            + " (the user's mail address and password) and present its token");
    }
}

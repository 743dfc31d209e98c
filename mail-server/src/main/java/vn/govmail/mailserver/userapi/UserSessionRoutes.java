package vn.govmail.mailserver.userapi;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.Authenticator;
import org.apache.james.util.MDCBuilder;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.slf4j.MDC;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.admin.FailureThrottle;
import vn.govmail.mailserver.admin.JsonFields;
import vn.govmail.mailserver.administrators.AdministratorStore;
import vn.govmail.mailserver.imap.PasswordChangeRefusal;

/**
 * Sessions of the user API, for the webmail (which talks to WebAdmin on loopback):
 * <ul>
 *   <li>{@code POST /govmail/me/session} {@code {"user": "...", "password": "..."}} → 201 {@code {"token", "user",
 *   "idleTimeoutSeconds"}}. The one user-API route without a token (AdminTokenFilter lets it through): the mail
 *   password authenticates, through the same authenticator as IMAP (disabled accounts and accounts that must change
 *   their password are refused, every attempt is logged without the password). 10 failures for one user from one
 *   address in 5 minutes → 429.</li>
 *   <li>{@code GET /govmail/me} → who the token acts for ({@code {"user", "administrator"}}: whether the webmail shows
 *   its admin console); {@code DELETE /govmail/me/session} → 204 (logout).</li>
 * </ul>
 */
public class UserSessionRoutes implements Routes {
    public static final String SESSION_PATH = UserSessionTokens.PREFIX + "/session";

    private final UserSessions sessions;
    private final Authenticator authenticator;
    private final JsonTransformer json;
    private final FailureThrottle throttle;
    private final AdministratorStore administrators;

    @Inject
    public UserSessionRoutes(UserSessions sessions, Authenticator authenticator, JsonTransformer json, AdministratorStore administrators) {
        this(sessions, authenticator, json, new FailureThrottle(10, java.time.Duration.ofMinutes(5), java.time.Clock.systemUTC()), administrators);
    }

    UserSessionRoutes(UserSessions sessions, Authenticator authenticator, JsonTransformer json, FailureThrottle throttle,
                      AdministratorStore administrators) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.json = json;
        this.throttle = throttle;
        this.administrators = administrators;
    }

    @Override
    public String getBasePath() {
        return UserSessionTokens.PREFIX;
    }

    @Override
    public void define(Service service) {
        service.post(SESSION_PATH, this::open, json);
        service.delete(SESSION_PATH, this::close);
        service.get(UserSessionTokens.PREFIX, (request, response) -> {
            Username user = SessionUser.of(request);
            return Map.of("user", user.asString(), "administrator", administrators.isAdministrator(user));
        }, json);
    }

    private Object open(Request request, Response response) throws Exception {
        String body = request.body();
        String userText = JsonFields.string(body, "user").orElseThrow(() -> AdminErrors.badRequest("Missing field 'user' (the mail address)"));
        String password = JsonFields.string(body, "password").orElseThrow(() -> AdminErrors.badRequest("Missing field 'password'"));
        Username user;
        try {
            user = Username.of(userText);
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("'" + userText + "' is not a valid user name");
        }
        String throttleKey = user.asString() + "|" + request.ip();
        if (throttle.isBlocked(throttleKey)) {
            throw AdminErrors.status(429, "Too many failed sign-ins for " + user.asString() + " from " + request.ip() + ": wait a few minutes");
        }
        if (!authenticate(user, password, request.ip())) {
            if (PasswordChangeRefusal.take()) {
                throw AdminErrors.status(403, "The password of " + user.asString() + " must be changed first (POST /govmail/account/password)");
            }
            throttle.recordFailure(throttleKey);
            throw AdminErrors.status(401, "Wrong user name or password, or the account is disabled");
        }
        response.status(201);
        return Map.of("token", sessions.open(user), "user", user.asString(),
            "idleTimeoutSeconds", sessions.idleTimeout().toSeconds());
    }

    private boolean authenticate(Username user, String password, String ip) throws Exception {
        // The authenticator's login log line names the protocol and client from the logging context.
        try (var protocol = MDC.putCloseable(MDCBuilder.PROTOCOL, "WEBAPI"); var client = MDC.putCloseable(MDCBuilder.IP, ip)) {
            return authenticator.isAuthentic(user, password);
        }
    }

    private Object close(Request request, Response response) {
        SessionUser.of(request);
        String header = request.headers("Authorization");
        sessions.close(header.substring("Bearer ".length()).trim());
        response.status(204);
        return "";
    }

}

package vn.govmail.mailserver.admin;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;

import spark.Request;
import spark.Response;
import vn.govmail.mailserver.userapi.UserSessionRoutes;
import vn.govmail.mailserver.userapi.UserSessions;

/**
 * WebAdmin's authentication (James's {@link AuthenticationFilter} slot): every request needs
 * {@code Authorization: Bearer <admin token>}. A client address with too many wrong tokens is refused for a
 * while (429) before the token is even compared. A token that is not the admin token may still be one of the
 * {@link DelegatedTokens} (client systems allowed a few routes): those decide themselves which requests they allow;
 * a token nobody knows counts as a failure either way.
 */
public class AdminTokenFilter implements AuthenticationFilter {
    public static final String ACTOR_ATTRIBUTE = "govmail.admin.actor";
    private static final String BEARER = "Bearer ";
    /** POST routes that a mail user's password authenticates (the route checks it and throttles failures). */
    private static final Set<String> PASSWORD_AUTHENTICATED = Set.of(SelfServicePasswordRoutes.PATH, UserSessionRoutes.SESSION_PATH);

    private final AdminToken token;
    private final FailureThrottle throttle;
    private final Set<DelegatedTokens> delegated;

    @Inject
    public AdminTokenFilter(AdminToken token, Set<DelegatedTokens> delegated) {
        this(token, new FailureThrottle(10, java.time.Duration.ofMinutes(5), Clock.systemUTC()), delegated);
    }

    AdminTokenFilter(AdminToken token, FailureThrottle throttle) {
        this(token, throttle, Set.of());
    }

    AdminTokenFilter(AdminToken token, FailureThrottle throttle, Set<DelegatedTokens> delegated) {
        this.token = token;
        this.throttle = throttle;
        this.delegated = delegated;
    }

    @Override
    public void handle(Request request, Response response) {
        if (request.requestMethod().equals("OPTIONS")) {
            return;
        }
        if (request.requestMethod().equals("POST") && PASSWORD_AUTHENTICATED.contains(request.pathInfo())) {
            return; // authenticated by the user's mail password instead
        }
        String client = request.ip();
        if (throttle.isBlocked(client)) {
            throw ErrorResponder.builder().statusCode(429).type(ErrorType.INVALID_ARGUMENT)
                .message("Too many requests with a wrong admin token from " + client + ": wait a few minutes").haltError();
        }
        String header = request.headers("Authorization");
        String presented = header == null || !header.startsWith(BEARER) ? null : header.substring(BEARER.length()).trim();
        if (presented != null && !token.matches(presented)) {
            Optional<String> actor = delegatedActor(presented, request);
            if (actor.isPresent()) {
                request.attribute(ACTOR_ATTRIBUTE, actor.get());
                return;
            }
        }
        if (presented == null || !token.matches(presented)) {
            // An expired user session (idle 30 min, a server restart) is routine, and every webmail user comes from
            // the same loopback address: counting those would lock the admin CLI and all webmail users out. Their
            // tokens are 256 random bits, so not counting them opens no guessing.
            if (presented == null || !presented.startsWith(UserSessions.TOKEN_PREFIX)) {
                throttle.recordFailure(client);
            }
            response.header("WWW-Authenticate", "Bearer realm=\"govmail admin\"");
            throw ErrorResponder.builder().statusCode(401).type(ErrorType.INVALID_ARGUMENT)
                .message("The admin API needs 'Authorization: Bearer <token>' (the token is in <data>/admin-token)").haltError();
        }
        request.attribute(ACTOR_ATTRIBUTE, "admin-token");
    }

    private Optional<String> delegatedActor(String presented, Request request) {
        for (DelegatedTokens tokens : delegated) {
            Optional<String> actor = tokens.authorize(presented, request);
            if (actor.isPresent()) {
                return actor;
            }
        }
        return Optional.empty();
    }
}

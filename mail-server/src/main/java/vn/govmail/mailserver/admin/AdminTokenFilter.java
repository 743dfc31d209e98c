package vn.govmail.mailserver.admin;

import java.time.Clock;

import javax.inject.Inject;

import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;

import spark.Request;
import spark.Response;

/**
 * WebAdmin's authentication (James's {@link AuthenticationFilter} slot): every request needs
 * {@code Authorization: Bearer <admin token>}. A client address with too many wrong tokens is refused for a
 * while (429) before the token is even compared.
 */
public class AdminTokenFilter implements AuthenticationFilter {
    static final String ACTOR_ATTRIBUTE = "govmail.admin.actor";
    private static final String BEARER = "Bearer ";

    private final AdminToken token;
    private final FailureThrottle throttle;

    @Inject
    public AdminTokenFilter(AdminToken token) {
        this(token, new FailureThrottle(10, java.time.Duration.ofMinutes(5), Clock.systemUTC()));
    }

    AdminTokenFilter(AdminToken token, FailureThrottle throttle) {
        this.token = token;
        this.throttle = throttle;
    }

    @Override
    public void handle(Request request, Response response) {
        if (request.requestMethod().equals("OPTIONS")) {
            return;
        }
        if (request.requestMethod().equals("POST") && SelfServicePasswordRoutes.PATH.equals(request.pathInfo())) {
            return; // authenticated by the user's current password instead
        }
        String client = request.ip();
        if (throttle.isBlocked(client)) {
            throw ErrorResponder.builder().statusCode(429).type(ErrorType.INVALID_ARGUMENT)
                .message("Too many requests with a wrong admin token from " + client + ": wait a few minutes").haltError();
        }
        String header = request.headers("Authorization");
        if (header == null || !header.startsWith(BEARER) || !token.matches(header.substring(BEARER.length()).trim())) {
            throttle.recordFailure(client);
            response.header("WWW-Authenticate", "Bearer realm=\"govmail admin\"");
            throw ErrorResponder.builder().statusCode(401).type(ErrorType.INVALID_ARGUMENT)
                .message("The admin API needs 'Authorization: Bearer <token>' (the token is in <data>/admin-token)").haltError();
        }
        request.attribute(ACTOR_ATTRIBUTE, "admin-token");
    }
}

package vn.govmail.mailserver.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.account.AccountPasswordChanger;

/**
 * A user changes their own password: {@code POST /govmail/account/password} with
 * {@code {"user": "...", "currentPassword": "...", "newPassword": "..."}}. This is the one WebAdmin route that takes
 * no admin token ({@link AdminTokenFilter} lets it through): the current password authenticates. The webmail (on the
 * same machine; WebAdmin listens on loopback only) calls it, also for an account whose password change was forced.
 * Wrong passwords count towards a per-client throttle (10 in 5 minutes, then 429). Audited with the user as actor.
 */
public class SelfServicePasswordRoutes implements Routes {
    public static final String PATH = "/govmail/account/password";

    private final AccountPasswordChanger passwords;
    private final JsonTransformer json;
    private final FailureThrottle throttle = new FailureThrottle(10, Duration.ofMinutes(5), Clock.systemUTC());

    @Inject
    public SelfServicePasswordRoutes(AccountPasswordChanger passwords, JsonTransformer json) {
        this.passwords = passwords;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return PATH;
    }

    @Override
    public void define(Service service) {
        service.post(PATH, this::change, json);
    }

    private Object change(Request request, Response response) throws Exception {
        if (throttle.isBlocked(request.ip())) {
            throw AdminErrors.status(429, "Too many wrong passwords from " + request.ip() + ": wait a few minutes");
        }
        String body = request.body();
        String userText = JsonFields.string(body, "user").orElseThrow(() -> AdminErrors.status(400, "Missing field 'user' (the mail address)"));
        String current = JsonFields.string(body, "currentPassword").orElseThrow(() -> AdminErrors.status(400, "Missing field 'currentPassword'"));
        String next = JsonFields.string(body, "newPassword").orElseThrow(() -> AdminErrors.status(400, "Missing field 'newPassword'"));
        Username user;
        try {
            user = Username.of(userText);
        } catch (IllegalArgumentException e) {
            throw AdminErrors.status(400, "'" + userText + "' is not a valid user name");
        }
        request.attribute(AdminTokenFilter.ACTOR_ATTRIBUTE, "user:" + user.asString());
        try {
            passwords.changeOwn(user, current, next);
        } catch (SecurityException e) {
            throttle.recordFailure(request.ip());
            throw AdminErrors.status(401, e.getMessage());
        } catch (AccountPasswordChanger.PasswordRefused e) {
            throw AdminErrors.status(400, e.getMessage());
        }
        return Map.of("user", user.asString(), "passwordChanged", true);
    }
}

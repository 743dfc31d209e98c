package vn.govmail.mailserver.admin;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;

import spark.Request;
import spark.Service;
import vn.govmail.mailserver.account.PasswordPolicy;

/**
 * Applies the {@link PasswordPolicy} to James's own account routes ({@code PUT /users/{user}}, which creates an
 * account or, with {@code ?force}, sets its password): a weak password is refused with 400 before James sees it.
 */
public class PasswordPolicyRoutes implements Routes {
    @Inject
    public PasswordPolicyRoutes() {
    }

    @Override
    public String getBasePath() {
        return "/users";
    }

    @Override
    public void define(Service service) {
        service.before("/users/:user", (request, response) -> {
            if (request.requestMethod().equals("PUT")) {
                check(request);
            }
        });
    }

    private static void check(Request request) {
        Username user;
        try {
            user = Username.of(request.params("user"));
        } catch (IllegalArgumentException e) {
            return; // James answers the malformed name itself
        }
        JsonFields.string(request.body(), "password")
            .flatMap(password -> PasswordPolicy.violation(user, password))
            .ifPresent(reason -> {
                throw AdminErrors.badRequest("Password refused for " + user.asString() + ": " + reason);
            });
    }
}

package vn.govmail.mailserver.administrators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;

/**
 * Who may use the webmail's admin console (admin token only: these routes are outside {@link AdminConsoleScope}, so
 * an administrator cannot make more administrators):
 * <ul>
 *   <li>{@code GET /govmail/administrators} → {@code [{"address", "grantedAt"}]};</li>
 *   <li>{@code GET /govmail/administrators/{address}} → 200, or 404 when the account is not an administrator;</li>
 *   <li>{@code PUT /govmail/administrators/{address}} → 201 (granted) or 200 (already); 404 for an unknown account;</li>
 *   <li>{@code DELETE /govmail/administrators/{address}} → 204, effective at the next request of its sessions; 404 if
 *   it was not one.</li>
 * </ul>
 */
public class AdministratorRoutes implements Routes {
    public static final String PATH = "/govmail/administrators";

    private final AdministratorStore administrators;
    private final UsersRepository users;
    private final JsonTransformer json;

    @Inject
    public AdministratorRoutes(AdministratorStore administrators, UsersRepository users, JsonTransformer json) {
        this.administrators = administrators;
        this.users = users;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return PATH;
    }

    @Override
    public void define(Service service) {
        service.get(PATH, (request, response) -> list(), json);
        service.get(PATH + "/:address", this::show, json);
        service.put(PATH + "/:address", this::grant, json);
        service.delete(PATH + "/:address", this::revoke);
    }

    private List<Map<String, String>> list() {
        return administrators.all().entrySet().stream()
            .map(entry -> describe(entry.getKey(), entry.getValue().toString())).toList();
    }

    private Object show(Request request, Response response) {
        Username user = address(request);
        java.time.Instant grantedAt = administrators.all().get(user.asString().toLowerCase(java.util.Locale.ROOT));
        if (grantedAt == null) {
            throw AdminErrors.notFound(user.asString() + " is not an administrator");
        }
        return describe(user.asString(), grantedAt.toString());
    }

    private Object grant(Request request, Response response) throws Exception {
        Username user = address(request);
        if (!users.contains(user)) {
            throw AdminErrors.notFound("Account " + user.asString() + " does not exist: create it first");
        }
        response.status(administrators.grant(user) ? 201 : 200);
        return Map.of("address", user.asString(), "administrator", true);
    }

    private Object revoke(Request request, Response response) throws Exception {
        Username user = address(request);
        if (!administrators.revoke(user)) {
            throw AdminErrors.notFound(user.asString() + " is not an administrator");
        }
        response.status(204);
        return "";
    }

    private static Username address(Request request) {
        String text = request.params("address");
        try {
            Username user = Username.of(text);
            if (user.getDomainPart().isEmpty()) {
                throw AdminErrors.badRequest("'" + text + "' is not a mail address (user@domain)");
            }
            return user;
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("'" + text + "' is not a valid mail address");
        }
    }

    private static Map<String, String> describe(String address, String grantedAt) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("address", address);
        row.put("grantedAt", grantedAt);
        return row;
    }
}

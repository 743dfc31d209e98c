package vn.govmail.mailserver.role;

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
import vn.govmail.mailserver.organisation.AdminRequests;
import vn.govmail.mailserver.organisation.OrganisationException;

/**
 * Role mailboxes shared by several people (see docs/administration.md):
 * {@code GET /govmail/roles}, {@code GET /govmail/roles/{role}},
 * {@code PUT|DELETE /govmail/roles/{role}/members/{member}}. The role mailbox is an ordinary account.
 */
public class RoleMailboxRoutes implements Routes {
    private final RoleMailboxStore roles;
    private final UsersRepository users;
    private final JsonTransformer json;

    @Inject
    public RoleMailboxRoutes(RoleMailboxStore roles, UsersRepository users, JsonTransformer json) {
        this.roles = roles;
        this.users = users;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail/roles";
    }

    @Override
    public void define(Service service) {
        service.get("/govmail/roles", (request, response) -> roles.all().entrySet().stream()
            .map(entry -> describe(entry.getKey(), entry.getValue())).toList(), json);
        service.get("/govmail/roles/:role", this::show, json);
        service.put("/govmail/roles/:role/members/:member", this::add, json);
        service.delete("/govmail/roles/:role/members/:member", this::remove, json);
    }

    private Object show(Request request, Response response) throws Exception {
        Username role = account("role", request.params("role"));
        return describe(role.asString(), roles.all().getOrDefault(role.asString(), List.of()));
    }

    private static Map<String, Object> describe(String role, List<String> members) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("role", role);
        answer.put("members", members);
        return answer;
    }

    private Object add(Request request, Response response) throws Exception {
        Username role = account("role", request.params("role"));
        Username member = account("member", request.params("member"));
        if (role.equals(member)) {
            throw AdminRequests.badRequest("member: " + member.asString() + " is the role mailbox itself");
        }
        if (member.getLocalPart().indexOf(RoleLoginProcessor.SEPARATOR) >= 0 || role.getLocalPart().indexOf(RoleLoginProcessor.SEPARATOR) >= 0) {
            throw AdminRequests.badRequest("'" + RoleLoginProcessor.SEPARATOR + "' in an address is reserved for role mailbox logins");
        }
        roles.add(role.asString(), member.asString());
        return Map.of("role", role.asString(), "member", member.asString(),
            "imapLogin", role.getDomainPart().equals(member.getDomainPart())
                ? role.getLocalPart() + RoleLoginProcessor.SEPARATOR + member.asString()
                : "AUTHENTICATE PLAIN with authorization identity " + role.asString());
    }

    private Object remove(Request request, Response response) throws Exception {
        Username role = account("role", request.params("role"));
        Username member = Username.fromMailAddress(AdminRequests.address("member", request.params("member")));
        if (!roles.remove(role.asString(), member.asString())) {
            throw AdminRequests.error(OrganisationException.notFound(member.asString() + " is not a member of " + role.asString()));
        }
        response.status(204);
        return "";
    }

    private Username account(String field, String text) throws Exception {
        Username user = Username.fromMailAddress(AdminRequests.address(field, text));
        if (!users.contains(user)) {
            throw AdminRequests.error(OrganisationException.notFound(field + ": account " + user.asString() + " does not exist"));
        }
        return user;
    }
}

package vn.govmail.mailserver.group;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.group.DistributionGroup.Kind;
import vn.govmail.mailserver.group.DistributionGroup.Member;
import vn.govmail.mailserver.group.DistributionGroup.SenderPolicy;
import vn.govmail.mailserver.organisation.AdminRequests;
import vn.govmail.mailserver.organisation.OrganisationException;
import vn.govmail.mailserver.organisation.OrganisationStore;
import vn.govmail.mailserver.organisation.Unit;
import vn.govmail.mailserver.organisation.UnitTree;

/**
 * Distribution groups over WebAdmin (see docs/administration.md):
 * <ul>
 *   <li>{@code GET /govmail/groups}; {@code PUT /govmail/groups/{address}} {@code {"senderPolicy": "anyone|domain|members",
 *       "displayName": ...}} creates or updates; {@code GET} shows members and the accounts reached; {@code DELETE};</li>
 *   <li>{@code POST /govmail/groups/{address}/members} with {@code {"user": ...}}, {@code {"group": ...}} or
 *       {@code {"unit": path or id, "includeSubunits": true}}; {@code DELETE .../members?user=...} (or group=, unit=).</li>
 * </ul>
 */
public class GroupRoutes implements Routes {
    private final DistributionGroupStore groups;
    private final GroupExpander expander;
    private final OrganisationStore organisation;
    private final DomainList domains;
    private final UsersRepository users;
    private final RecipientRewriteTable rewrites;
    private final JsonTransformer json;

    @Inject
    public GroupRoutes(DistributionGroupStore groups, GroupExpander expander, OrganisationStore organisation, DomainList domains,
                       UsersRepository users, RecipientRewriteTable rewrites, JsonTransformer json) {
        this.groups = groups;
        this.expander = expander;
        this.organisation = organisation;
        this.domains = domains;
        this.users = users;
        this.rewrites = rewrites;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail/groups";
    }

    @Override
    public void define(Service service) {
        service.get("/govmail/groups", (request, response) -> groups.list().stream().map(GroupRoutes::describe).toList(), json);
        service.put("/govmail/groups/:group", this::save, json);
        service.get("/govmail/groups/:group", this::show, json);
        service.head("/govmail/groups/:group", (request, response) -> {
            existing(request);
            return "";
        });
        service.delete("/govmail/groups/:group", this::delete, json);
        service.post("/govmail/groups/:group/members", this::addMember, json);
        service.delete("/govmail/groups/:group/members", this::removeMember, json);
        // James 3.8.1's alias and group routes do not ask the UserEntityValidators (GroupAddressValidator covers
        // accounts and renames): a distribution group's address is kept from becoming their source here.
        service.before("/address/aliases/:destination/sources/:source", (request, response) -> refuseGroupAddress(request, "source"));
        service.before("/address/groups/:group/:member", (request, response) -> refuseGroupAddress(request, "group"));
    }

    private void refuseGroupAddress(Request request, String parameter) throws Exception {
        if (request.requestMethod().equals("PUT") && groups.find(AdminRequests.address(parameter, request.params(parameter)).asString()).isPresent()) {
            throw AdminErrors.conflict(parameter + ": " + GroupAddressValidator.refusal(request.params(parameter).strip().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private Object save(Request request, Response response) throws Exception {
        MailAddress address = AdminRequests.address("group", request.params("group"));
        JsonNode body = AdminRequests.body(request.body());
        Optional<DistributionGroup> existing = groups.find(address.asString());
        if (existing.isEmpty()) {
            requireFreeLocalAddress(address);
        }
        SenderPolicy policy = AdminRequests.call(() -> SenderPolicy.parse(AdminRequests.text(body, "senderPolicy")
            .orElse(existing.map(group -> group.senderPolicy().asText()).orElse("anyone"))));
        String displayName = AdminRequests.text(body, "displayName").orElse(existing.map(DistributionGroup::displayName).orElse(null));
        DistributionGroup group = new DistributionGroup(address.asString(), displayName, policy);
        response.status(groups.save(group) ? 201 : 200);
        return describe(group);
    }

    private void requireFreeLocalAddress(MailAddress address) throws Exception {
        if (!domains.containsDomain(address.getDomain())) {
            throw AdminRequests.badRequest("group: the domain of " + address.asString() + " is not one of ours: add it first");
        }
        if (users.contains(Username.fromMailAddress(address))
            || !rewrites.getResolvedMappings(address.getLocalPart(), address.getDomain()).isEmpty()) {
            throw AdminRequests.error(OrganisationException.conflict("group: " + address.asString() + " is already an account or an alias"));
        }
    }

    private Object show(Request request, Response response) throws Exception {
        DistributionGroup group = existing(request);
        UnitTree tree = organisation.tree();
        Map<String, Object> answer = describe(group);
        answer.put("members", groups.members(group.address()).stream().map(member -> describe(tree, member)).toList());
        answer.put("recipients", List.copyOf(expander.expand(group.address())));
        return answer;
    }

    private Object delete(Request request, Response response) throws Exception {
        DistributionGroup group = existing(request);
        AdminRequests.call(() -> {
            groups.delete(group.address());
            return null;
        });
        response.status(204);
        return "";
    }

    private Object addMember(Request request, Response response) throws Exception {
        DistributionGroup group = existing(request);
        JsonNode body = AdminRequests.body(request.body());
        Member member = member(body::path, body.path("includeSubunits").asBoolean(false));
        AdminRequests.call(() -> {
            groups.addMember(group.address(), member);
            return null;
        });
        response.status(201);
        return describe(organisation.tree(), member);
    }

    private Object removeMember(Request request, Response response) throws Exception {
        DistributionGroup group = existing(request);
        Member member = member(field -> {
            String value = request.queryParams(field);
            return value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
        }, false);
        if (!groups.removeMember(group.address(), member.kind(), member.value())) {
            throw AdminRequests.error(OrganisationException.notFound(member.kind().asText() + " " + member.value()
                + " is not a member of " + group.address()));
        }
        response.status(204);
        return "";
    }

    /** Exactly one of user, group or unit, checked to exist. */
    private Member member(java.util.function.Function<String, JsonNode> fields, boolean includeSubunits) throws Exception {
        Map<Kind, String> given = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            JsonNode value = fields.apply(kind.asText());
            if (!value.isMissingNode() && !value.isNull()) {
                given.put(kind, value.asText());
            }
        }
        if (given.size() != 1) {
            throw AdminRequests.badRequest("Give exactly one member: {\"user\": \"address\"}, {\"group\": \"address\"} or "
                + "{\"unit\": \"Sở Nội vụ/Phòng Tổ chức\", \"includeSubunits\": true}");
        }
        Kind kind = given.keySet().iterator().next();
        String value = given.get(kind);
        switch (kind) {
            case USER -> {
                MailAddress address = AdminRequests.address("user", value);
                if (!users.contains(Username.fromMailAddress(address))) {
                    throw AdminRequests.badRequest("user: " + address.asString() + " is not an account here");
                }
                return new Member(kind, address.asString(), false);
            }
            case GROUP -> {
                MailAddress address = AdminRequests.address("group", value);
                if (groups.find(address.asString()).isEmpty()) {
                    throw AdminRequests.badRequest("group: " + address.asString() + " is not a distribution group");
                }
                return new Member(kind, address.asString(), false);
            }
            default -> {
                Unit unit = AdminRequests.unit(organisation.tree(), "unit", value);
                return new Member(kind, Long.toString(unit.id()), includeSubunits);
            }
        }
    }

    private DistributionGroup existing(Request request) throws Exception {
        MailAddress address = AdminRequests.address("group", request.params("group"));
        return groups.find(address.asString()).orElseThrow(() -> AdminRequests.error(
            OrganisationException.notFound("Group " + address.asString() + " does not exist")));
    }

    private static Map<String, Object> describe(DistributionGroup group) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("address", group.address());
        answer.put("displayName", group.displayName());
        answer.put("senderPolicy", group.senderPolicy().asText());
        return answer;
    }

    private static Map<String, Object> describe(UnitTree tree, Member member) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", member.kind().asText());
        if (member.kind() == Kind.UNIT) {
            long id = Long.parseLong(member.value());
            answer.put("member", tree.get(id).map(tree::path).orElse("unit " + id));
            answer.put("unitId", id);
            answer.put("includeSubunits", member.includeSubunits());
        } else {
            answer.put("member", member.value());
        }
        return answer;
    }
}

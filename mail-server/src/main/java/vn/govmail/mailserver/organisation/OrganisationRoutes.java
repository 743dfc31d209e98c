package vn.govmail.mailserver.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.account.AccountProfileStore;

/**
 * The organisation tree over WebAdmin (see docs/administration.md):
 * <ul>
 *   <li>{@code GET /govmail/units[?q=noi vu]}: every unit with its path and number of accounts; {@code q} matches
 *       paths without regard to case or diacritics;</li>
 *   <li>{@code POST /govmail/units} {@code {"path": "Sở Nội vụ/Phòng Tổ chức"}}: creates the missing units of the path;</li>
 *   <li>{@code GET|PATCH|DELETE /govmail/units/{id}}: one unit; PATCH {@code {"name": ..., "parent": path or "" for top}}
 *       renames or moves it (mail is untouched); DELETE only an empty unit;</li>
 *   <li>{@code GET /govmail/units/{id}/users[?subunits=true][&q=...]}: its people;</li>
 *   <li>{@code PUT|DELETE /govmail/users/{user}/unit} {@code {"unit": path or id}}: place an account in a unit;</li>
 *   <li>{@code PUT /govmail/users/{user}/profile} {@code {"displayName": ..., "title": ..., "unit": path or id}}: who
 *       the account belongs to (as the import's columns; the unit must exist).</li>
 * </ul>
 */
public class OrganisationRoutes implements Routes {
    private final OrganisationStore organisation;
    private final PeopleDirectory people;
    private final UsersRepository users;
    private final AccountProfileStore profiles;
    private final JsonTransformer json;

    @Inject
    public OrganisationRoutes(OrganisationStore organisation, PeopleDirectory people, UsersRepository users, AccountProfileStore profiles,
                              JsonTransformer json) {
        this.organisation = organisation;
        this.profiles = profiles;
        this.people = people;
        this.users = users;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail/units";
    }

    @Override
    public void define(Service service) {
        service.get("/govmail/units", this::list, json);
        service.post("/govmail/units", this::create, json);
        service.get("/govmail/units/:id", this::show, json);
        service.patch("/govmail/units/:id", this::update, json);
        service.delete("/govmail/units/:id", this::delete, json);
        service.get("/govmail/units/:id/users", this::people, json);
        service.put("/govmail/users/:user/unit", this::assign, json);
        service.put("/govmail/users/:user/profile", this::saveProfile, json);
        service.delete("/govmail/users/:user/unit", this::unassign, json);
    }

    private Object list(Request request, Response response) throws Exception {
        UnitTree tree = organisation.tree();
        Map<Long, Long> counts = organisation.allMemberships().values().stream()
            .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        String query = VietnameseText.searchKey(request.queryParamOrDefault("q", ""));
        return tree.all().stream()
            .filter(unit -> VietnameseText.searchKey(tree.path(unit)).contains(query))
            .map(unit -> describe(tree, unit, counts.getOrDefault(unit.id(), 0L)))
            .toList();
    }

    private Object create(Request request, Response response) throws Exception {
        String path = AdminRequests.text(AdminRequests.body(request.body()), "path")
            .orElseThrow(() -> AdminRequests.badRequest("path: give the unit's path, e.g. {\"path\": \"Sở Nội vụ/Phòng Tổ chức\"}"));
        Map.Entry<Unit, Boolean> created = AdminRequests.call(() -> organisation.createPath(path));
        if (!created.getValue()) {
            throw AdminRequests.error(OrganisationException.conflict("Unit '" + organisation.tree().path(created.getKey())
                + "' already exists (id " + created.getKey().id() + ")"));
        }
        response.status(201);
        return describe(organisation.tree(), created.getKey(), 0);
    }

    private Object show(Request request, Response response) throws Exception {
        UnitTree tree = organisation.tree();
        Unit unit = unit(tree, request);
        Map<String, Object> answer = describe(tree, unit, organisation.members(List.of(unit.id())).size());
        answer.put("children", tree.children(unit.id()).stream().map(child -> describe(tree, child, null)).toList());
        return answer;
    }

    private Object update(Request request, Response response) throws Exception {
        UnitTree tree = organisation.tree();
        Unit unit = unit(tree, request);
        JsonNode body = AdminRequests.body(request.body());
        var name = AdminRequests.text(body, "name");
        var parent = AdminRequests.text(body, "parent");
        if (name.isEmpty() && parent.isEmpty()) {
            throw AdminRequests.badRequest("Give {\"name\": \"new name\"} to rename and/or {\"parent\": \"path of the new parent\"} "
                + "(\"\" for the top level) to move");
        }
        if (parent.isPresent()) {
            Long parentId = parent.get().isBlank() ? null : AdminRequests.unit(tree, "parent", parent.get()).id();
            AdminRequests.call(() -> {
                organisation.move(unit.id(), parentId);
                return null;
            });
        }
        if (name.isPresent()) {
            AdminRequests.call(() -> {
                organisation.rename(unit.id(), name.get());
                return null;
            });
        }
        UnitTree updated = organisation.tree();
        return describe(updated, updated.get(unit.id()).orElseThrow(), null);
    }

    private Object delete(Request request, Response response) throws Exception {
        Unit unit = unit(organisation.tree(), request);
        // Accounts deleted since they were placed here do not keep the unit alive.
        List<OrganisationStore.Membership> members = organisation.members(List.of(unit.id()));
        members.removeAll(existing(members));
        for (OrganisationStore.Membership stale : members) {
            organisation.unassign(stale.username());
        }
        AdminRequests.call(() -> {
            organisation.delete(unit.id());
            return null;
        });
        response.status(204);
        return "";
    }

    private Object people(Request request, Response response) throws Exception {
        UnitTree tree = organisation.tree();
        Unit unit = unit(tree, request);
        boolean subunits = Boolean.parseBoolean(request.queryParamOrDefault("subunits", "true"));
        Set<Long> ids = subunits ? tree.subtree(unit.id()) : Set.of(unit.id());
        List<OrganisationStore.Membership> members = existing(organisation.members(ids));
        Map<String, PeopleDirectory.Person> found = people.find(members.stream().map(OrganisationStore.Membership::username).toList());
        String query = VietnameseText.searchKey(request.queryParamOrDefault("q", ""));
        List<Map<String, Object>> answer = new ArrayList<>();
        for (OrganisationStore.Membership member : members) {
            PeopleDirectory.Person person = found.get(member.username());
            if (person.matches(query)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("username", member.username());
                entry.put("displayName", person.displayName());
                entry.put("title", person.title());
                entry.put("unit", tree.path(tree.get(member.unitId()).orElseThrow()));
                answer.add(entry);
            }
        }
        answer.sort(Comparator.comparing(entry -> VietnameseText.searchKey(String.valueOf(entry.get("displayName")))));
        return answer;
    }

    private Object assign(Request request, Response response) throws Exception {
        Username user = existingUser(request);
        String reference = AdminRequests.text(AdminRequests.body(request.body()), "unit")
            .orElseThrow(() -> AdminRequests.badRequest("unit: give {\"unit\": \"Sở Nội vụ/Phòng Tổ chức\"} (a path or an id)"));
        UnitTree tree = organisation.tree();
        Unit unit = AdminRequests.unit(tree, "unit", reference);
        AdminRequests.call(() -> {
            organisation.assign(user.asString(), unit.id());
            return null;
        });
        return Map.of("username", user.asString(), "unit", tree.path(unit), "unitId", unit.id());
    }

    private Object saveProfile(Request request, Response response) throws Exception {
        Username user = existingUser(request);
        JsonNode body = AdminRequests.body(request.body());
        String displayName = AdminRequests.text(body, "displayName").map(AdminRequests::nfc).filter(name -> !name.isEmpty())
            .orElseThrow(() -> AdminRequests.badRequest("displayName: give the person's name, e.g. {\"displayName\": \"Nguyễn Văn An\"}"));
        String title = AdminRequests.text(body, "title").map(AdminRequests::nfc).filter(text -> !text.isEmpty()).orElse(null);
        UnitTree tree = organisation.tree();
        String unitPath = AdminRequests.text(body, "unit").map(reference -> tree.path(AdminRequests.unit(tree, "unit", reference))).orElse(null);
        profiles.save(new AccountProfileStore.Profile(user, displayName, unitPath, title));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", user.asString());
        answer.put("displayName", displayName);
        answer.put("title", title);
        answer.put("unit", unitPath);
        return answer;
    }

    private Object unassign(Request request, Response response) throws Exception {
        organisation.unassign(existingUser(request).asString());
        response.status(204);
        return "";
    }

    /** Memberships of accounts that still exist. */
    private List<OrganisationStore.Membership> existing(List<OrganisationStore.Membership> members) throws Exception {
        List<OrganisationStore.Membership> existing = new ArrayList<>();
        for (OrganisationStore.Membership member : members) {
            if (users.contains(Username.of(member.username()))) {
                existing.add(member);
            }
        }
        return existing;
    }

    private Username existingUser(Request request) throws Exception {
        Username user = Username.fromMailAddress(AdminRequests.address("user", request.params("user")));
        if (!users.contains(user)) {
            throw AdminRequests.error(OrganisationException.notFound("User " + user.asString() + " does not exist"));
        }
        return user;
    }

    private static Unit unit(UnitTree tree, Request request) {
        String id = request.params("id");
        if (!id.matches("\\d{1,18}")) {
            throw AdminRequests.badRequest("id: '" + id + "' is not a unit id (GET /govmail/units lists them)");
        }
        return tree.get(Long.parseLong(id))
            .orElseThrow(() -> AdminRequests.error(OrganisationException.notFound("Unit " + id + " does not exist")));
    }

    static Map<String, Object> describe(UnitTree tree, Unit unit, Number accounts) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", unit.id());
        answer.put("name", unit.name());
        answer.put("path", tree.path(unit));
        answer.put("parentId", unit.parentId());
        if (accounts != null) {
            answer.put("accounts", accounts.longValue());
        }
        return answer;
    }
}

package vn.govmail.mailserver.eoffice;

import static vn.govmail.mailserver.eoffice.EofficeRequests.body;
import static vn.govmail.mailserver.admin.AdminErrors.forbidden;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.eoffice.access.DocumentAction;
import vn.govmail.eoffice.access.PersonalAccess;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.DocumentState;
import vn.govmail.eoffice.store.DocumentStore;
import vn.govmail.eoffice.store.Unit;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.userapi.SessionUser;
import vn.govmail.mailserver.userapi.UserSessionTokens;

/**
 * The document inbox for one mail user (the webmail's "Văn bản đến" views), under {@value #BASE} with a user
 * session token: the văn thư of a unit works all of the unit's documents, a leader the documents presented to them,
 * an assignee the documents given to them ({@link PersonalAccess}). A document the user has no role on answers
 * 403, a list shows only what the user may see, a step the user may not take now answers 403 (409 when the state
 * forbids it for everyone). The user is the actor in the history. The work itself is {@link DocumentOperations},
 * the same as the admin routes.
 */
public class UserEofficeRoutes implements Routes {
    static final String BASE = UserSessionTokens.PREFIX + "/eoffice";

    private final DocumentOperations operations;
    private final JsonTransformer json;

    @Inject
    public UserEofficeRoutes(DocumentOperations operations, JsonTransformer json) {
        this.operations = operations;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE + "/roles", this::roles, json);
        service.get(BASE + "/documents", this::list, json);
        service.get(BASE + "/documents/:id", (request, response) -> {
            Visible visible = visible(request);
            return full(visible);
        }, json);
        service.get(BASE + "/documents/:id/history", (request, response) -> operations.history(visible(request).document()), json);
        service.get(BASE + "/documents/:id/text", (request, response) -> operations.text(visible(request).document(), response));
        service.get(BASE + "/documents/:id/attachments/:attachment",
            (request, response) -> operations.download(visible(request).document(), request, response));
        service.put(BASE + "/documents/:id/metadata", this::correct, json);
        service.post(BASE + "/documents/:id/state", this::changeState, json);
        service.post(BASE + "/documents/:id/progress", this::progress, json);
        service.get(BASE + "/register", this::register);
    }

    /** A document the user has a role on, with the user's access rules. */
    private record Visible(DocumentRecord document, PersonalAccess access) {
        Set<DocumentAction> actions() {
            return access.actions(document);
        }
    }

    private PersonalAccess access(Request request) throws Exception {
        return new PersonalAccess(SessionUser.of(request).asString(), operations.services().store().units());
    }

    private Visible visible(Request request) throws Exception {
        PersonalAccess access = access(request);
        DocumentRecord document = operations.document(request);
        if (!access.maySee(document)) {
            throw forbidden("Document #" + document.id() + " is neither of a unit whose văn thư you are, nor presented or assigned to you");
        }
        return new Visible(document, access);
    }

    private static Map<String, Object> full(Visible visible) {
        Map<String, Object> json = DocumentJson.full(visible.document());
        json.put("myRoles", visible.access().roles(visible.document()).stream().map(Enum::name).toList());
        json.put("myActions", visible.actions().stream().map(Enum::name).toList());
        return json;
    }

    /** What the webmail shows: the units the user is văn thư of, and whether anything was presented or assigned to them. */
    private Object roles(Request request, Response response) throws Exception {
        PersonalAccess access = access(request);
        DocumentStore store = operations.services().store();
        DocumentStore.PersonalCounts counts = store.personalCounts(access.person());
        List<Map<String, Object>> units = store.units().stream().filter(unit -> access.isClerkOf(unit.unitId())).map(UserEofficeRoutes::unit).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", access.person());
        json.put("clerkOf", units);
        json.put("presented", counts.presented());
        json.put("assigned", counts.assigned());
        json.put("any", !units.isEmpty() || counts.presented() > 0 || counts.assigned() > 0);
        return json;
    }

    private static Map<String, Object> unit(Unit unit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unit", unit.unitId());
        json.put("name", unit.name());
        return json;
    }

    private Object list(Request request, Response response) throws Exception {
        PersonalAccess access = access(request);
        String unit = request.queryParams("unit");
        if (unit != null && !unit.isBlank() && !access.isClerkOf(unit)) {
            throw forbidden("You are not the văn thư of unit '" + unit + "'");
        }
        return operations.list(request, unit == null || unit.isBlank() ? null : unit, access.audience());
    }

    private Object correct(Request request, Response response) throws Exception {
        Visible visible = visible(request);
        require(visible, DocumentAction.CORRECT);
        return withMine(visible, operations.correct(visible.document(), body(request), visible.access().person()));
    }

    private Object changeState(Request request, Response response) throws Exception {
        Visible visible = visible(request);
        JsonNode body = body(request);
        DocumentState target = DocumentOperations.target(body);
        DocumentAction action = DocumentAction.leadingTo(target).orElseThrow(() -> AdminErrors.conflict(
            "A document cannot go back to '" + target.vietnamese() + "'"));
        if (!visible.document().state().canMoveTo(target)) {
            // The 409 is answered here, not by running the step: the state read above is not locked, and a step run
            // without the role check could succeed if another user moved the document meanwhile.
            throw AdminErrors.conflict("Văn bản #" + visible.document().id() + " đang ở trạng thái '"
                + visible.document().state().vietnamese() + "', không thể chuyển sang '" + target.vietnamese() + "'");
        }
        require(visible, action);
        return withMine(visible, operations.changeState(visible.document(), target, body, visible.access().person()));
    }

    private Object progress(Request request, Response response) throws Exception {
        Visible visible = visible(request);
        if (visible.document().state() != DocumentState.IN_PROGRESS) {
            // answered here for the same reason as in changeState: never run a step without its role check
            throw AdminErrors.conflict("Văn bản #" + visible.document().id() + " đang ở trạng thái '"
                + visible.document().state().vietnamese() + "': chỉ ghi tiến độ cho văn bản đang xử lý");
        }
        require(visible, DocumentAction.PROGRESS);
        return withMine(visible, operations.progress(visible.document(), body(request), visible.access().person()));
    }

    private Object register(Request request, Response response) throws Exception {
        PersonalAccess access = access(request);
        String unit = request.queryParams("unit");
        if (unit == null || unit.isBlank()) {
            if (access.clerkUnits().size() != 1) {
                throw AdminErrors.badRequest("Give ?unit= (one of the units whose văn thư you are: " + access.clerkUnits() + ")");
            }
            unit = access.clerkUnits().get(0);
        }
        if (!access.isClerkOf(unit)) {
            throw forbidden("Only the văn thư of unit '" + unit + "' exports its register");
        }
        return operations.register(unit, request, response);
    }

    private static void require(Visible visible, DocumentAction action) {
        if (!visible.actions().contains(action)) {
            throw forbidden("Your role on document #" + visible.document().id() + " (" + visible.access().roles(visible.document())
                + ") does not allow " + action + " now");
        }
    }

    /** The answer of a step, with the user's roles and next actions on the document as it now is. */
    private Map<String, Object> withMine(Visible before, Map<String, Object> json) throws Exception {
        DocumentRecord now = operations.services().store().get(before.document().id()).orElseThrow();
        json.put("myRoles", before.access().roles(now).stream().map(Enum::name).toList());
        json.put("myActions", before.access().actions(now).stream().map(Enum::name).toList());
        return json;
    }
}

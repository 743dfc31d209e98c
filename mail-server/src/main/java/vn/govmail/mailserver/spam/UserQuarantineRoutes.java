package vn.govmail.mailserver.spam;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.userapi.SessionUser;

/**
 * The user's own quarantine, for the webmail (user API, a user session token):
 * <ul>
 * <li>{@code GET /govmail/me/quarantine[?since=&before=&offset=&limit=]} — mail quarantined for the user and still
 * waiting, newest first, a page at a time ({@link QuarantinePaging})</li>
 * <li>{@code GET /govmail/me/quarantine/{id}} — headers, text preview (HTML turned into text), attachment names</li>
 * <li>{@code POST /govmail/me/quarantine/{id}/release} — deliver it to the user only (once: 409 the second time),
 * learn it as not spam</li>
 * <li>{@code DELETE /govmail/me/quarantine/{id}} — drop it for the user (204)</li>
 * </ul>
 * Another user's mail answers 404, as an unknown id does.
 */
public class UserQuarantineRoutes implements Routes {
    static final String BASE = "/govmail/me/quarantine";

    private final Quarantine quarantine;
    private final JsonTransformer json;

    @Inject
    public UserQuarantineRoutes(Quarantine quarantine, JsonTransformer json) {
        this.quarantine = quarantine;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE, this::list, json);
        service.get(BASE + "/:id", this::preview, json);
        service.post(BASE + "/:id/release", this::release, json);
        service.delete(BASE + "/:id", this::delete);
    }

    private List<Quarantine.Entry> list(Request request, Response response) throws Exception {
        Username user = SessionUser.of(request);
        QuarantineQuery query = QuarantinePaging.query(request, Optional.of(user.asString()), Optional.empty());
        return QuarantinePaging.answer(quarantine.list(query), response);
    }

    private QuarantinePreview preview(Request request, Response response) throws Exception {
        Username user = SessionUser.of(request);
        String id = request.params("id");
        return quarantine.preview(id, user).orElseThrow(() -> AdminErrors.notFound("No quarantined mail " + id + " for " + user.asString()));
    }

    private Map<String, Object> release(Request request, Response response) throws Exception {
        Username user = SessionUser.of(request);
        String id = request.params("id");
        QuarantineRoutes.outcome(quarantine.releaseFor(id, user), id);
        return Map.of("released", id, "to", user.asString());
    }

    private Object delete(Request request, Response response) throws Exception {
        Username user = SessionUser.of(request);
        String id = request.params("id");
        QuarantineRoutes.outcome(quarantine.deleteFor(id, user), id);
        response.status(204);
        return "";
    }
}

package vn.govmail.mailserver.spam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.admin.AdminTokenFilter;

/**
 * Admin REST for the spam filter (behind the admin token like every WebAdmin route):
 * <ul>
 * <li>{@code GET /govmail/quarantine?user=a@b.vn|domain=b.vn&since=&before=&offset=&limit=} — quarantined mail, newest
 * first, a page at a time ({@link QuarantinePaging})</li>
 * <li>{@code POST /govmail/quarantine/{key}/release} — deliver it to its pending recipients (once) and learn it as
 * ham; 409 if already released (or deleted by its recipients), 404 if unknown</li>
 * <li>{@code DELETE /govmail/quarantine/{key}} — drop it for all its pending recipients (204; 409/404 as above)</li>
 * <li>{@code POST /govmail/quarantine/digest} — send the quarantine digests due now (as the daily run would)</li>
 * <li>{@code GET /govmail/spam/statistics} — per-step runs, failures, timeouts and mean time; learning queue</li>
 * </ul>
 */
public class QuarantineRoutes implements Routes {
    private final Quarantine quarantine;
    private final QuarantineDigest digest;
    private final SpamFilterService spamFilter;
    private final JsonTransformer json;

    @Inject
    public QuarantineRoutes(Quarantine quarantine, QuarantineDigest digest, SpamFilterService spamFilter, JsonTransformer json) {
        this.quarantine = quarantine;
        this.digest = digest;
        this.spamFilter = spamFilter;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail/quarantine";
    }

    @Override
    public void define(Service service) {
        service.get("/govmail/quarantine", this::list, json);
        service.post("/govmail/quarantine/digest", (request, response) -> Map.of("mailed", digest.sendNow()), json);
        service.post("/govmail/quarantine/:key/release", this::release, json);
        service.delete("/govmail/quarantine/:key", this::delete);
        service.get("/govmail/spam/statistics", this::statistics, json);
    }

    private List<Quarantine.Entry> list(Request request, Response response) throws Exception {
        QuarantineQuery query = QuarantinePaging.query(request, QuarantinePaging.parameter(request, "user"),
            QuarantinePaging.parameter(request, "domain"));
        return QuarantinePaging.answer(quarantine.list(query), response);
    }

    private Map<String, Object> release(Request request, Response response) throws Exception {
        String key = request.params("key");
        Object actor = request.attribute(AdminTokenFilter.ACTOR_ATTRIBUTE);
        outcome(quarantine.release(key, actor == null ? "admin" : actor.toString()), key);
        return Map.of("released", key);
    }

    private Object delete(Request request, Response response) throws Exception {
        String key = request.params("key");
        Object actor = request.attribute(AdminTokenFilter.ACTOR_ATTRIBUTE);
        outcome(quarantine.delete(key, actor == null ? "admin" : actor.toString()), key);
        response.status(204);
        return "";
    }

    /** 404 for an unknown key, 409 for one already released or deleted (nothing delivered twice). */
    static void outcome(Quarantine.Outcome outcome, String key) {
        switch (outcome) {
            case NOT_FOUND -> throw AdminErrors.notFound("No quarantined mail " + key);
            case ALREADY_HANDLED -> throw ErrorResponder.builder().statusCode(409).type(ErrorType.WRONG_STATE)
                .message("Quarantined mail " + key + " was already released (or deleted): it is delivered only once").haltError();
            default -> {
            }
        }
    }

    private Map<String, Object> statistics(Request request, Response response) {
        Map<String, Object> steps = new LinkedHashMap<>();
        spamFilter.filter().statistics().snapshot().forEach((step, n) ->
            steps.put(step, Map.of("runs", n[0], "failures", n[1], "timeouts", n[2], "meanMicros", n[3])));
        var learned = spamFilter.filter().learnedMessages();
        return Map.of("enabled", spamFilter.enabled(), "steps", steps, "pendingLearning", spamFilter.filter().pendingLearning(),
            "learnedSpam", learned.spam(), "learnedHam", learned.ham());
    }
}

package vn.govmail.mailserver.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Records every changing admin request (PUT, POST, PATCH, DELETE on any WebAdmin route, James's and ours,
 * whatever its outcome) in the audit log, and serves it: {@code GET /govmail/audit?limit=100&path=users}.
 * Request bodies (which may carry passwords) are never recorded.
 */
public class AdminAuditRoutes implements Routes {
    private static final Logger LOGGER = LoggerFactory.getLogger("govmail.audit");
    private static final Set<String> CHANGING = Set.of("PUT", "POST", "PATCH", "DELETE");

    private final AdminAuditLog log;
    private final JsonTransformer json;

    @Inject
    public AdminAuditRoutes(AdminAuditLog log, JsonTransformer json) {
        this.log = log;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail/audit";
    }

    @Override
    public void define(Service service) {
        service.afterAfter(this::recordIfChanging);
        service.get(getBasePath(), this::list, json);
    }

    private void recordIfChanging(Request request, Response response) {
        if (!CHANGING.contains(request.requestMethod())) {
            return;
        }
        Object actor = request.attribute(AdminTokenFilter.ACTOR_ATTRIBUTE);
        AdminAuditLog.Entry entry = new AdminAuditLog.Entry(Instant.now(), actor == null ? "unauthenticated" : actor.toString(),
            request.ip(), request.requestMethod(), request.pathInfo() + (request.queryString() == null ? "" : "?" + request.queryString()),
            response.status());
        try {
            log.record(entry);
        } catch (Exception e) {
            LOGGER.error("Cannot write the audit entry {}", entry, e);
        }
    }

    private Object list(Request request, Response response) throws Exception {
        int limit;
        try {
            limit = Integer.parseInt(request.queryParamOrDefault("limit", "100"));
        } catch (NumberFormatException e) {
            throw AdminErrors.badRequest("limit must be a number, not '" + request.queryParams("limit") + "'");
        }
        if (limit < 1 || limit > 10_000) {
            throw AdminErrors.badRequest("limit must be between 1 and 10000");
        }
        List<AdminAuditLog.Entry> entries = log.recent(limit, request.queryParams("path"));
        return entries.stream().map(entry -> Map.of("at", entry.at().toString(), "actor", entry.actor(), "client", entry.client(),
            "method", entry.method(), "path", entry.path(), "status", entry.status())).toList();
    }
}

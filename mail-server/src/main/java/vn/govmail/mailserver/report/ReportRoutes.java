package vn.govmail.mailserver.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.organisation.AdminRequests;
import vn.govmail.mailserver.organisation.OrganisationStore;
import vn.govmail.mailserver.organisation.Unit;

/**
 * Usage reports, as JSON or (with {@code ?format=csv}) CSV:
 * {@code GET /govmail/reports/domains}, {@code GET /govmail/reports/units[?domain=...]},
 * {@code GET /govmail/reports/top[?domain=...][&unit=path or id][&limit=10]}.
 */
public class ReportRoutes implements Routes {
    private static final int MAX_TOP = 1000;

    private final UsageReport report;
    private final OrganisationStore organisation;
    private final JsonTransformer json;

    @Inject
    public ReportRoutes(UsageReport report, OrganisationStore organisation, JsonTransformer json) {
        this.report = report;
        this.organisation = organisation;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail/reports";
    }

    @Override
    public void define(Service service) {
        service.get("/govmail/reports/domains", (request, response) -> answer(request, response, report.byDomain()));
        service.get("/govmail/reports/units", (request, response) ->
            answer(request, response, report.byUnit(Optional.ofNullable(request.queryParams("domain")))));
        service.get("/govmail/reports/top", this::top);
    }

    private Object top(Request request, Response response) throws Exception {
        String limitText = request.queryParamOrDefault("limit", "10");
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_TOP) {
            throw AdminRequests.badRequest("limit: '" + limitText + "' is not a number between 1 and " + MAX_TOP);
        }
        Optional<Unit> unit = request.queryParams("unit") == null ? Optional.empty()
            : Optional.of(AdminRequests.unit(organisation.tree(), "unit", request.queryParams("unit")));
        return answer(request, response, report.top(Optional.ofNullable(request.queryParams("domain")), unit, limit));
    }

    private Object answer(Request request, Response response, List<Map<String, Object>> rows) throws Exception {
        String format = request.queryParamOrDefault("format", "json");
        if (format.equals("csv")) {
            response.type("text/csv; charset=UTF-8");
            return CsvTable.render(rows);
        }
        if (!format.equals("json")) {
            throw AdminRequests.badRequest("format: '" + format + "' is not json or csv");
        }
        response.type("application/json");
        return json.render(rows);
    }
}

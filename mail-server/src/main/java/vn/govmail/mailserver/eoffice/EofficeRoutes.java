package vn.govmail.mailserver.eoffice;

import static vn.govmail.mailserver.admin.AdminErrors.badRequest;
import static vn.govmail.mailserver.eoffice.EofficeRequests.body;
import static vn.govmail.mailserver.admin.AdminErrors.conflict;
import static vn.govmail.mailserver.admin.AdminErrors.notFound;
import static vn.govmail.mailserver.eoffice.EofficeRequests.optional;
import static vn.govmail.mailserver.eoffice.EofficeRequests.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.eoffice.clients.ClientTokenStore;
import vn.govmail.eoffice.extract.AttachmentText;
import vn.govmail.eoffice.extract.MetadataExtractor;
import vn.govmail.eoffice.mail.MailMessageReader;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.Unit;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.admin.AdminTokenFilter;

/**
 * The document inbox over WebAdmin (admin token like every route): units and their document addresses, the list
 * and search of incoming documents, one document with its metadata and confidences, corrections, the workflow steps
 * (each answered to the sender with its status), history, attachments, the register export and extraction.
 * Who acts is taken from the {@code X-Govmail-Actor} header (or "actor" in the body), "admin" otherwise.
 */
public class EofficeRoutes implements Routes {
    static final String BASE = "/govmail/eoffice";

    private final EofficeServices services;
    private final NoticeMailer mailer;
    private final DocumentOperations operations;
    private final JsonTransformer json;
    private final MetadataExtractor extractor = new MetadataExtractor(new AttachmentText());

    @Inject
    public EofficeRoutes(EofficeServices services, NoticeMailer mailer, DocumentOperations operations, JsonTransformer json) {
        this.services = services;
        this.mailer = mailer;
        this.operations = operations;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE + "/units", (request, response) -> services.store().units().stream().map(DocumentJson::unit).toList(), json);
        service.put(BASE + "/units/:unit", this::saveUnit, json);
        service.get(BASE + "/documents", this::list, json);
        service.get(BASE + "/documents/:id", (request, response) -> DocumentJson.full(operations.document(request)), json);
        service.get(BASE + "/documents/:id/text", (request, response) -> operations.text(operations.document(request), response));
        service.put(BASE + "/documents/:id/metadata", this::correct, json);
        service.post(BASE + "/documents/:id/state", this::changeState, json);
        service.post(BASE + "/documents/:id/progress", this::progress, json);
        service.get(BASE + "/documents/:id/history",
            (request, response) -> operations.history(operations.document(request)), json);
        service.get(BASE + "/documents/:id/attachments/:attachment",
            (request, response) -> operations.download(operations.document(request), request, response));
        service.post(BASE + "/documents/:id/status", this::resendStatus, json);
        service.get(BASE + "/register", this::register);
        service.post(BASE + "/extract", this::extract, json);
        service.get(BASE + "/openapi.json", this::openApi);
        service.get(BASE + "/clients", (request, response) -> services.clients().list().stream().map(DocumentJson::client).toList(), json);
        service.post(BASE + "/clients", this::addClient, json);
        service.delete(BASE + "/clients/:name", this::revokeClient, json);
    }

    private Object openApi(Request request, Response response) throws Exception {
        try (var in = EofficeRoutes.class.getResourceAsStream("openapi.json")) {
            response.type("application/json; charset=utf-8");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Object saveUnit(Request request, Response response) throws Exception {
        JsonNode body = body(request);
        String unitId = request.params("unit");
        if (!unitId.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw badRequest("Unit id '" + unitId + "' must be lower-case letters, digits, '.', '_' or '-' (≤ 64)");
        }
        Unit unit = new Unit(unitId, required(body, "name"), address(required(body, "documentAddress")),
            address(required(body, "clerkMailbox")), optional(body, "organId").orElse(null));
        if (unit.organId() != null && unit.organId().length() > 13) {
            throw badRequest("organId is at most 13 characters (e.g. 000.00.05.H30)");
        }
        services.saveUnit(unit);
        return DocumentJson.unit(unit);
    }

    private Object addClient(Request request, Response response) throws Exception {
        JsonNode body = body(request);
        String name = required(body, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw badRequest("Client name '" + name + "' must be letters, digits, '.', '_' or '-' (≤ 64)");
        }
        Optional<String> unit = optional(body, "unit");
        if (unit.isPresent() && services.store().unit(unit.get()).isEmpty()) {
            throw notFound("No unit '" + unit.get() + "'");
        }
        try {
            ClientTokenStore.Created created = services.clients().create(name, unit.orElse(null));
            Map<String, Object> json = DocumentJson.client(created.client());
            json.put("token", created.token());
            response.status(201);
            return json;
        } catch (ClientTokenStore.ClientExists e) {
            throw conflict(e.getMessage());
        }
    }

    private Object revokeClient(Request request, Response response) throws Exception {
        String name = request.params("name");
        if (!services.clients().revoke(name)) {
            throw notFound("No active client '" + name + "'");
        }
        return DocumentJson.client(services.clients().find(name).orElseThrow());
    }

    private Object list(Request request, Response response) throws Exception {
        return operations.list(request, request.queryParams("unit"), null);
    }

    private Object correct(Request request, Response response) throws Exception {
        JsonNode body = body(request);
        return operations.correct(operations.document(request), body, actor(request, body));
    }

    private Object changeState(Request request, Response response) throws Exception {
        DocumentRecord document = operations.document(request);
        JsonNode body = body(request);
        return operations.changeState(document, DocumentOperations.target(body), body, actor(request, body));
    }

    private Object progress(Request request, Response response) throws Exception {
        DocumentRecord document = operations.document(request);
        JsonNode body = body(request);
        return operations.progress(document, body, actor(request, body));
    }

    private Object resendStatus(Request request, Response response) throws Exception {
        DocumentRecord document = operations.document(request);
        DocumentOperations.requireNotSecret(document);
        Unit unit = services.store().unit(document.unitId()).orElseThrow();
        var notice = services.workflow().currentStatus(unit, document.id());
        int sent = mailer.send(unit, List.of(notice));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("to", notice.to());
        json.put("subject", notice.subject());
        json.put("edxml", notice.edxmlAttachment() != null);
        json.put("sent", sent == 1);
        return json;
    }

    private Object register(Request request, Response response) throws Exception {
        String unit = Optional.ofNullable(request.queryParams("unit")).orElseThrow(() -> badRequest("Give ?unit=UNIT&from=yyyy-MM-dd&to=yyyy-MM-dd"));
        return operations.register(unit, request, response);
    }

    private Object extract(Request request, Response response) throws Exception {
        byte[] raw = request.bodyAsBytes();
        if (raw == null || raw.length == 0) {
            throw badRequest("POST the mail (RFC 5322, e.g. a .eml file) as the body");
        }
        MetadataExtractor.Extraction extraction = extractor.extract(new MailMessageReader().read(raw));
        Map<String, Object> json = DocumentJson.metadata(extraction.metadata());
        json.put("isDocument", extraction.isDocument());
        return json;
    }

    // ---- helpers ----

    private static String address(String text) {
        try {
            return new MailAddress(text).asString().toLowerCase(java.util.Locale.ROOT);
        } catch (AddressException e) {
            throw badRequest("'" + text + "' is not a mail address");
        }
    }

    /** The person named by the caller; a client system is always named too, so history shows which software acted. */
    private static String actor(Request request, JsonNode body) {
        Optional<String> named = Optional.ofNullable(request.headers("X-Govmail-Actor")).filter(s -> !s.isBlank())
            .or(() -> optional(body, "actor"));
        Object authenticated = request.attribute(AdminTokenFilter.ACTOR_ATTRIBUTE);
        if (authenticated instanceof String client && client.startsWith("client:")) {
            return named.map(person -> person + " (" + client + ")").orElse(client);
        }
        return named.orElse("admin");
    }

}

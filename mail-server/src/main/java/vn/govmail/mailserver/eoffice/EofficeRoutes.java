package vn.govmail.mailserver.eoffice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.ErrorResponder.ErrorType;
import org.apache.james.webadmin.utils.JsonTransformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.clients.ClientTokenStore;
import vn.govmail.eoffice.extract.AttachmentText;
import vn.govmail.eoffice.extract.MetadataExtractor;
import vn.govmail.eoffice.intake.DocumentWorkflow;
import vn.govmail.eoffice.mail.MailMessageReader;
import vn.govmail.eoffice.register.IncomingRegister;
import vn.govmail.eoffice.store.DocumentQuery;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.DocumentState;
import vn.govmail.eoffice.store.StateChangeRefused;
import vn.govmail.eoffice.store.StoredAttachment;
import vn.govmail.eoffice.store.Unit;
import vn.govmail.mailserver.admin.AdminTokenFilter;

/**
 * The document inbox over WebAdmin (admin token like every route): units and their document addresses, the list
 * and search of incoming documents, one document with its metadata and confidences, corrections, the workflow steps
 * (each answered to the sender with its status), history, attachments, the register export and extraction.
 * Who acts is taken from the {@code X-Govmail-Actor} header (or "actor" in the body), "admin" otherwise.
 */
public class EofficeRoutes implements Routes {
    static final String BASE = "/govmail/eoffice";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EofficeServices services;
    private final NoticeMailer mailer;
    private final JsonTransformer json;
    private final MetadataExtractor extractor = new MetadataExtractor(new AttachmentText());

    @Inject
    public EofficeRoutes(EofficeServices services, NoticeMailer mailer, JsonTransformer json) {
        this.services = services;
        this.mailer = mailer;
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
        service.get(BASE + "/documents/:id", (request, response) -> DocumentJson.full(document(request)), json);
        service.get(BASE + "/documents/:id/text", this::text);
        service.put(BASE + "/documents/:id/metadata", this::correct, json);
        service.post(BASE + "/documents/:id/state", this::changeState, json);
        service.post(BASE + "/documents/:id/progress", this::progress, json);
        service.get(BASE + "/documents/:id/history",
            (request, response) -> services.store().history(document(request).id()).stream().map(DocumentJson::history).toList(), json);
        service.get(BASE + "/documents/:id/attachments/:attachment", this::download);
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
        String unit = request.queryParams("unit");
        String state = request.queryParams("state");
        DocumentState wanted = state == null ? null : DocumentState.parse(state).orElseThrow(() -> badRequest("Unknown state '" + state
            + "': one of cho-tiep-nhan, da-tiep-nhan, da-trinh, dang-xu-ly, hoan-thanh, tra-lai"));
        int limit = integer(request.queryParams("limit"), 100);
        String text = request.queryParams("q");
        List<Long> ids = text == null || text.isBlank() ? null : services.index().search(unit, text, 1000);
        DocumentQuery query = new DocumentQuery(unit, wanted, request.queryParams("priority"), date(request.queryParams("from"), "from"),
            date(request.queryParams("to"), "to"), request.queryParams("issuer"), request.queryParams("type"), ids, limit,
            integer(request.queryParams("offset"), 0));
        return services.store().list(query).stream().map(DocumentJson::summary).toList();
    }

    private Object text(Request request, Response response) throws Exception {
        DocumentRecord document = document(request);
        if (document.secret()) {
            throw ErrorResponder.builder().statusCode(403).type(ErrorType.INVALID_ARGUMENT)
                .message("Document #" + document.id() + " is secret (" + document.metadata().value(MetadataField.Secrecy) + "): its content is not kept")
                .haltError();
        }
        response.type("text/plain; charset=utf-8");
        return services.store().text(document.id()).orElse("");
    }

    private Object correct(Request request, Response response) throws Exception {
        DocumentRecord document = document(request);
        JsonNode body = body(request);
        Map<MetadataField, String> values = new EnumMap<>(MetadataField.class);
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("actor")) {
                continue;
            }
            MetadataField field;
            try {
                field = MetadataField.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw badRequest("Unknown field '" + name + "': one of " + List.of(MetadataField.values()));
            }
            values.put(field, body.get(name).isNull() ? null : body.get(name).asText());
        }
        if (values.isEmpty()) {
            throw badRequest("Give the corrected fields, e.g. {\"Subject\": \"...\"}");
        }
        return DocumentJson.full(refusalsAsConflict(() -> services.store().correct(document.id(), actor(request, body), values)));
    }

    private Object changeState(Request request, Response response) throws Exception {
        DocumentRecord document = document(request);
        JsonNode body = body(request);
        String stateText = required(body, "state");
        DocumentState target = DocumentState.parse(stateText).orElseThrow(() -> badRequest("Unknown state '" + stateText + "'"));
        String actor = actor(request, body);
        DocumentWorkflow workflow = services.workflow();
        DocumentWorkflow.StepResult result = refusalsAsConflict(() -> switch (target) {
            case REGISTERED -> workflow.register(document.id(), actor);
            case RETURNED -> workflow.returnToSender(document.id(), actor, optional(body, "reason").orElse(null));
            case PRESENTED -> workflow.present(document.id(), actor, optional(body, "leader").orElse(null));
            case IN_PROGRESS -> workflow.direct(document.id(), actor, optional(body, "direction").orElse(null),
                optional(body, "lead").orElse(null), optional(body, "support").orElse(null), date(optional(body, "deadline").orElse(null), "deadline"));
            case COMPLETED -> workflow.complete(document.id(), actor, optional(body, "note").orElse(null));
            case PENDING -> throw new StateChangeRefused("A document cannot go back to 'chờ tiếp nhận'");
        });
        return withNotices(result);
    }

    private Object progress(Request request, Response response) throws Exception {
        DocumentRecord document = document(request);
        JsonNode body = body(request);
        return withNotices(refusalsAsConflict(() -> services.workflow().progress(document.id(), actor(request, body),
            optional(body, "note").orElse(null))));
    }

    private Map<String, Object> withNotices(DocumentWorkflow.StepResult result) throws Exception {
        Unit unit = services.store().unit(result.document().unitId()).orElseThrow();
        int sent = mailer.send(unit, result.notices());
        Map<String, Object> json = DocumentJson.full(result.document());
        json.put("notified", result.notices().stream().map(notice -> notice.to()).toList());
        json.put("notificationsSent", sent);
        return json;
    }

    private Object resendStatus(Request request, Response response) throws Exception {
        DocumentRecord document = document(request);
        if (document.secret()) {
            throw conflict("Document #" + document.id() + " is secret: no status is sent by mail");
        }
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

    private Object download(Request request, Response response) throws Exception {
        DocumentRecord document = document(request);
        long attachmentId = id(request.params("attachment"));
        StoredAttachment attachment = document.attachments().stream().filter(a -> a.id() == attachmentId).findFirst()
            .orElseThrow(() -> notFound("Document #" + document.id() + " has no attachment " + attachmentId));
        byte[] content = services.store().attachmentContent(document.id(), attachmentId).orElseThrow();
        response.type(attachment.contentType());
        response.header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(attachment.name(),
            java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        response.raw().getOutputStream().write(content);
        response.raw().getOutputStream().flush();
        return response.raw();
    }

    private Object register(Request request, Response response) throws Exception {
        String unit = Optional.ofNullable(request.queryParams("unit")).orElseThrow(() -> badRequest("Give ?unit=UNIT&from=yyyy-MM-dd&to=yyyy-MM-dd"));
        LocalDate from = Optional.ofNullable(date(request.queryParams("from"), "from")).orElse(LocalDate.now().withDayOfYear(1));
        LocalDate to = Optional.ofNullable(date(request.queryParams("to"), "to")).orElse(LocalDate.now());
        String format = Optional.ofNullable(request.queryParams("format")).orElse("csv");
        IncomingRegister register = new IncomingRegister(services.store());
        String fileName = "so-van-ban-den-" + unit + "-" + from + "-" + to;
        byte[] content;
        if (format.equals("xlsx")) {
            content = register.xlsx(unit, from, to);
            response.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            fileName += ".xlsx";
        } else if (format.equals("csv")) {
            content = register.csv(unit, from, to);
            response.type("text/csv; charset=utf-8");
            fileName += ".csv";
        } else {
            throw badRequest("format is csv or xlsx");
        }
        response.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.raw().getOutputStream().write(content);
        response.raw().getOutputStream().flush();
        return response.raw();
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

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T refusalsAsConflict(Step<T> step) throws Exception {
        try {
            return step.run();
        } catch (StateChangeRefused e) {
            throw conflict(e.getMessage());
        }
    }

    private DocumentRecord document(Request request) throws Exception {
        long id = id(request.params("id"));
        return services.store().get(id).orElseThrow(() -> notFound("No document #" + id));
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw badRequest("'" + text + "' is not a number");
        }
    }

    private static int integer(String text, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw badRequest("'" + text + "' is not a number");
        }
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be a date yyyy-MM-dd, not '" + text + "'");
        }
    }

    private static String address(String text) {
        try {
            return new MailAddress(text).asString().toLowerCase(java.util.Locale.ROOT);
        } catch (AddressException e) {
            throw badRequest("'" + text + "' is not a mail address");
        }
    }

    private static JsonNode body(Request request) {
        String body = request.body();
        if (body == null || body.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (!node.isObject()) {
                throw badRequest("The body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw badRequest("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode body, String field) {
        return optional(body, field).orElseThrow(() -> badRequest("Missing \"" + field + "\""));
    }

    private static Optional<String> optional(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
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

    private static RuntimeException badRequest(String message) {
        return ErrorResponder.builder().statusCode(400).type(ErrorType.INVALID_ARGUMENT).message(message).haltError();
    }

    private static RuntimeException notFound(String message) {
        return ErrorResponder.builder().statusCode(404).type(ErrorType.NOT_FOUND).message(message).haltError();
    }

    private static RuntimeException conflict(String message) {
        return ErrorResponder.builder().statusCode(409).type(ErrorType.INVALID_ARGUMENT).message(message).haltError();
    }

}

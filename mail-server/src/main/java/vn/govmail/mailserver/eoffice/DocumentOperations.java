package vn.govmail.mailserver.eoffice;

import static vn.govmail.mailserver.admin.AdminErrors.badRequest;
import static vn.govmail.mailserver.admin.AdminErrors.conflict;
import static vn.govmail.mailserver.eoffice.EofficeRequests.date;
import static vn.govmail.mailserver.admin.AdminErrors.forbidden;
import static vn.govmail.mailserver.eoffice.EofficeRequests.id;
import static vn.govmail.mailserver.eoffice.EofficeRequests.integer;
import static vn.govmail.mailserver.admin.AdminErrors.notFound;
import static vn.govmail.mailserver.eoffice.EofficeRequests.optional;
import static vn.govmail.mailserver.eoffice.EofficeRequests.refusalsAsConflict;
import static vn.govmail.mailserver.eoffice.EofficeRequests.required;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import spark.Request;
import spark.Response;
import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.intake.DocumentWorkflow;
import vn.govmail.eoffice.register.IncomingRegister;
import vn.govmail.eoffice.store.DocumentAudience;
import vn.govmail.eoffice.store.DocumentQuery;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.DocumentState;
import vn.govmail.eoffice.store.StateChangeRefused;
import vn.govmail.eoffice.store.StoredAttachment;
import vn.govmail.eoffice.store.Unit;
import vn.govmail.mailserver.admin.AdminErrors;

/**
 * What the admin/client routes ({@link EofficeRoutes}) and a mail user's routes ({@link UserEofficeRoutes}) do to
 * documents, once the caller has been authorised: list and search, read, correct, workflow steps with their
 * mails, attachments, the register export.
 */
public class DocumentOperations {
    private final EofficeServices services;
    private final NoticeMailer mailer;

    @Inject
    public DocumentOperations(EofficeServices services, NoticeMailer mailer) {
        this.services = services;
        this.mailer = mailer;
    }

    public EofficeServices services() {
        return services;
    }

    /** The document named by the route's {@code :id}, or 404. */
    DocumentRecord document(Request request) throws Exception {
        long id = id(request.params("id"));
        return services.store().get(id).orElseThrow(() -> notFound("No document #" + id));
    }

    /** The list filtered by the query parameters (state, priority, from, to, issuer, type, q, limit, offset). */
    List<Map<String, Object>> list(Request request, String unit, DocumentAudience audience) throws Exception {
        String state = request.queryParams("state");
        DocumentState wanted = state == null || state.isBlank() ? null : DocumentState.parse(state).orElseThrow(() -> badRequest("Unknown state '"
            + state + "': one of cho-tiep-nhan, da-tiep-nhan, da-trinh, dang-xu-ly, hoan-thanh, tra-lai"));
        String text = request.queryParams("q");
        List<Long> ids = text == null || text.isBlank() ? null : services.index().search(unit, text, 1000);
        DocumentQuery query = new DocumentQuery(unit, wanted, blankAsNull(request.queryParams("priority")), date(request.queryParams("from"), "from"),
            date(request.queryParams("to"), "to"), blankAsNull(request.queryParams("issuer")), blankAsNull(request.queryParams("type")), ids,
            integer(request.queryParams("limit"), 100), integer(request.queryParams("offset"), 0), audience);
        return services.store().list(query).stream().map(DocumentJson::summary).toList();
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    List<Map<String, Object>> history(DocumentRecord document) throws Exception {
        return services.store().history(document.id()).stream().map(DocumentJson::history).toList();
    }

    /** The extracted text; a secret document's is never kept (403). */
    Object text(DocumentRecord document, Response response) throws Exception {
        if (document.secret()) {
            throw forbidden("Document #" + document.id() + " is secret (" + document.metadata().value(MetadataField.Secrecy) + "): its content is not kept");
        }
        response.type("text/plain; charset=utf-8");
        return services.store().text(document.id()).orElse("");
    }

    /** The clerk's correction: {"Subject": "…", …} (edXML-style names; "actor" is ignored here). */
    Map<String, Object> correct(DocumentRecord document, JsonNode body, String actor) throws Exception {
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
        return DocumentJson.full(refusalsAsConflict(() -> services.store().correct(document.id(), actor, values)));
    }

    /** The state a {@code POST …/state} body asks for. */
    static DocumentState target(JsonNode body) {
        String stateText = required(body, "state");
        return DocumentState.parse(stateText).orElseThrow(() -> badRequest("Unknown state '" + stateText + "'"));
    }

    /** One workflow step; the mails it causes (status to the sender, the next person) are sent. */
    Map<String, Object> changeState(DocumentRecord document, DocumentState target, JsonNode body, String actor) throws Exception {
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

    Map<String, Object> progress(DocumentRecord document, JsonNode body, String actor) throws Exception {
        return withNotices(refusalsAsConflict(() -> services.workflow().progress(document.id(), actor, optional(body, "note").orElse(null))));
    }

    private Map<String, Object> withNotices(DocumentWorkflow.StepResult result) throws Exception {
        Unit unit = services.store().unit(result.document().unitId()).orElseThrow();
        int sent = mailer.send(unit, result.notices());
        Map<String, Object> json = DocumentJson.full(result.document());
        json.put("notified", result.notices().stream().map(notice -> notice.to()).toList());
        json.put("notificationsSent", sent);
        return json;
    }

    /** An attachment as a download ({@code Content-Disposition: attachment}, UTF-8 file name). */
    Object download(DocumentRecord document, Request request, Response response) throws Exception {
        long attachmentId = id(request.params("attachment"));
        StoredAttachment attachment = document.attachments().stream().filter(a -> a.id() == attachmentId).findFirst()
            .orElseThrow(() -> notFound("Document #" + document.id() + " has no attachment " + attachmentId));
        byte[] content = services.store().attachmentContent(document.id(), attachmentId).orElseThrow();
        response.type(attachment.contentType());
        response.header("Content-Disposition", "attachment; filename*=UTF-8''"
            + URLEncoder.encode(attachment.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        return write(response, content);
    }

    /** The sổ đăng ký văn bản đến of a unit for ?from=&to= (default: this year) as ?format=csv|xlsx. */
    Object register(String unit, Request request, Response response) throws Exception {
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
        return write(response, content);
    }

    private static Object write(Response response, byte[] content) throws Exception {
        response.raw().getOutputStream().write(content);
        response.raw().getOutputStream().flush();
        return response.raw();
    }

    /** Refuses a step on a secret document that would send its status by mail. */
    static void requireNotSecret(DocumentRecord document) {
        if (document.secret()) {
            throw conflict("Document #" + document.id() + " is secret: no status is sent by mail");
        }
    }
}

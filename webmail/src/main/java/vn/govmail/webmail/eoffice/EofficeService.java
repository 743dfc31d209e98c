package vn.govmail.webmail.eoffice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.api.UserApiSession;

/**
 * The document inbox of the logged-in user, over the mail server's user API ({@code /govmail/me/eoffice}): the
 * server decides what the user may see and do (văn thư, leader, assignee); this class turns its JSON into records
 * and the views' actions into calls.
 */
public final class EofficeService {
    static final String BASE = "govmail/me/eoffice";
    /** The order of the metadata form (edXML-style names, as the API). */
    static final List<String> FIELDS = List.of("CodeNumber", "CodeNotation", "PromulgationDate", "Place", "OrganName", "TypeName", "Subject",
        "Priority", "Secrecy", "SignerFullName", "SignerPosition", "ToPlaces", "DueDate");

    private final UserApiSession api;

    public EofficeService(UserApiSession api) {
        this.api = api;
    }

    public DocumentRoles roles() throws PlatformApiException {
        JsonNode json = api.get(BASE + "/roles");
        List<DocumentRoles.Unit> units = new ArrayList<>();
        json.path("clerkOf").forEach(unit -> units.add(new DocumentRoles.Unit(text(unit, "unit"), text(unit, "name"))));
        return new DocumentRoles(List.copyOf(units), json.path("presented").asInt(), json.path("assigned").asInt());
    }

    public List<DocumentSummary> list(DocumentFilter filter) throws PlatformApiException {
        List<DocumentSummary> documents = new ArrayList<>();
        api.get(BASE + "/documents" + filter.queryString()).forEach(json -> documents.add(summary(json)));
        return documents;
    }

    public DocumentDetail document(long id) throws PlatformApiException {
        return detail(api.get(path(id)));
    }

    public List<HistoryItem> history(long id) throws PlatformApiException {
        List<HistoryItem> items = new ArrayList<>();
        api.get(path(id) + "/history").forEach(json -> items.add(new HistoryItem(dateTime(text(json, "at")), text(json, "actor"),
            text(json, "action"), text(json, "from"), text(json, "to"), text(json, "note"))));
        return items;
    }

    /**
     * The clerk saves the form: the fields whose value changed, and the fields marked "Kiểm tra" (saving them as they
     * are confirms them), are sent; each then has confidence 1. Nothing to send: no call.
     */
    public DocumentDetail correct(DocumentDetail document, Map<String, String> values) throws PlatformApiException {
        ObjectNode body = correction(document, values);
        if (body.isEmpty()) {
            return document;
        }
        return detail(api.call("PUT", path(document.summary().id()) + "/metadata", body));
    }

    static ObjectNode correction(DocumentDetail document, Map<String, String> values) {
        ObjectNode body = UserApiSession.object();
        for (DocumentDetail.MetadataField field : document.fields()) {
            String wanted = values.get(field.name());
            boolean changed = wanted != null && !wanted.strip().equals(field.value() == null ? "" : field.value());
            if (changed || wanted != null && field.needsCheck()) {
                if (wanted.isBlank()) {
                    body.putNull(field.name());
                } else {
                    body.put(field.name(), wanted.strip());
                }
            }
        }
        return body;
    }

    public DocumentDetail register(long id) throws PlatformApiException {
        return step(id, state("da-tiep-nhan"));
    }

    public DocumentDetail returnToSender(long id, String reason) throws PlatformApiException {
        return step(id, state("tra-lai").put("reason", reason));
    }

    public DocumentDetail present(long id, String leader) throws PlatformApiException {
        return step(id, state("da-trinh").put("leader", leader));
    }

    public DocumentDetail direct(long id, String direction, String lead, String support, LocalDate deadline) throws PlatformApiException {
        ObjectNode body = state("dang-xu-ly").put("direction", direction).put("lead", lead).put("support", support);
        body.put("deadline", deadline == null ? null : deadline.toString());
        return step(id, body);
    }

    public DocumentDetail progress(long id, String note) throws PlatformApiException {
        return detail(api.call("POST", path(id) + "/progress", UserApiSession.object().put("note", note)));
    }

    public DocumentDetail complete(long id, String note) throws PlatformApiException {
        return step(id, state("hoan-thanh").put("note", note));
    }

    public byte[] attachment(long id, long attachmentId) throws PlatformApiException {
        return api.download(path(id) + "/attachments/" + attachmentId).body();
    }

    /** The sổ đăng ký văn bản đến of a unit for [from, to] as "csv" or "xlsx". */
    public byte[] exportRegister(String unit, LocalDate from, LocalDate to, String format) throws PlatformApiException {
        return api.download(BASE + "/register?unit=" + URLEncoder.encode(unit, StandardCharsets.UTF_8) + "&from=" + from + "&to=" + to
            + "&format=" + format).body();
    }

    public static String registerFileName(String unit, LocalDate from, LocalDate to, String format) {
        return "so-van-ban-den-" + unit + "-" + from + "-" + to + "." + format;
    }

    private DocumentDetail step(long id, ObjectNode body) throws PlatformApiException {
        return detail(api.call("POST", path(id) + "/state", body));
    }

    private static ObjectNode state(String code) {
        return UserApiSession.object().put("state", code);
    }

    private static String path(long id) {
        return BASE + "/documents/" + id;
    }

    static DocumentSummary summary(JsonNode json) {
        return new DocumentSummary(json.path("id").asLong(), text(json, "unit"), text(json, "state"), text(json, "stateName"),
            text(json, "numberNotation"), text(json, "OrganName"), text(json, "TypeName"), text(json, "Subject"), text(json, "Priority"),
            json.path("secret").asBoolean(), json.path("duplicateOf").isNumber() ? json.path("duplicateOf").asLong() : null,
            json.path("arrivalNumber").isNumber() ? json.path("arrivalNumber").asInt() : null, dateTime(text(json, "receivedAt")),
            date(text(json, "deadline")));
    }

    static DocumentDetail detail(JsonNode json) {
        JsonNode metadata = json.path("metadata");
        List<DocumentDetail.MetadataField> fields = new ArrayList<>();
        for (String name : FIELDS) {
            fields.add(new DocumentDetail.MetadataField(name, text(metadata, name), metadata.path("confidence").path(name).asDouble()));
        }
        JsonNode mail = json.path("sourceMail");
        List<DocumentDetail.Attachment> attachments = new ArrayList<>();
        json.path("attachments").forEach(a -> attachments.add(new DocumentDetail.Attachment(a.path("id").asLong(), text(a, "name"),
            text(a, "contentType"), a.path("size").asLong())));
        DocumentDetail.Workflow workflow = new DocumentDetail.Workflow(date(text(json, "arrivalDate")), text(json, "returnReason"),
            text(json, "leader"), text(json, "direction"), text(json, "leadAssignee"), text(json, "supportAssignees"),
            date(text(json, "deadline")), text(json, "progress"));
        return new DocumentDetail(summary(json), List.copyOf(fields),
            new DocumentDetail.SourceMail(text(mail, "from"), text(mail, "fromName"), text(mail, "messageId"), text(mail, "subject"), text(mail, "date")),
            List.copyOf(attachments), strings(json.path("warnings")), workflow, Set.copyOf(strings(json.path("myRoles"))),
            Set.copyOf(strings(json.path("myActions"))));
    }

    private static List<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asString()));
        return List.copyOf(values);
    }

    /** A string field, null when missing or JSON null. */
    static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static OffsetDateTime dateTime(String text) {
        return text == null ? null : OffsetDateTime.parse(text);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}

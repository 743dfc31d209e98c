package vn.govmail.mailserver.eoffice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.govmail.eoffice.DocumentMetadata;
import vn.govmail.eoffice.Field;
import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.HistoryEntry;
import vn.govmail.eoffice.store.StoredAttachment;
import vn.govmail.eoffice.store.Unit;

/** JSON shapes of the eOffice API (maps, serialised by WebAdmin's Jackson), with edXML-style field names. */
public final class DocumentJson {
    private DocumentJson() {
    }

    /** {"CodeNumber": "12", ..., "confidence": {"CodeNumber": 0.99, ...}}. */
    public static Map<String, Object> metadata(DocumentMetadata metadata) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> confidence = new LinkedHashMap<>();
        for (Map.Entry<MetadataField, Field> entry : metadata.asMap().entrySet()) {
            json.put(entry.getKey().name(), entry.getValue().value());
            confidence.put(entry.getKey().name(), Math.round(entry.getValue().confidence() * 100) / 100.0);
        }
        json.put("confidence", confidence);
        return json;
    }

    static Map<String, Object> summary(DocumentRecord document) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", document.id());
        json.put("unit", document.unitId());
        json.put("state", document.state().code());
        json.put("stateName", document.state().vietnamese());
        json.put("numberNotation", document.metadata().numberNotation());
        json.put("OrganName", document.metadata().value(MetadataField.OrganName));
        json.put("TypeName", document.metadata().value(MetadataField.TypeName));
        json.put("Subject", document.metadata().value(MetadataField.Subject));
        json.put("PromulgationDate", document.metadata().value(MetadataField.PromulgationDate));
        json.put("Priority", document.metadata().value(MetadataField.Priority));
        json.put("secret", document.secret());
        json.put("duplicateOf", document.duplicateOf());
        json.put("arrivalNumber", document.arrivalNumber());
        json.put("receivedAt", document.receivedAt() == null ? null : document.receivedAt().toString());
        json.put("deadline", document.deadline() == null ? null : document.deadline().toString());
        return json;
    }

    static Map<String, Object> full(DocumentRecord document) {
        Map<String, Object> json = summary(document);
        json.put("source", document.source());
        json.put("documentId", document.documentId());
        json.put("senderOrganId", document.senderOrganId());
        json.put("metadata", metadata(document.metadata()));
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("from", document.senderAddress());
        mail.put("fromName", document.senderName());
        mail.put("messageId", document.mailMessageId());
        mail.put("subject", document.mailSubject());
        mail.put("date", document.mailDate() == null ? null : document.mailDate().toString());
        json.put("sourceMail", mail);
        json.put("warnings", warnings(document));
        json.put("arrivalDate", document.arrivalDate() == null ? null : document.arrivalDate().toString());
        json.put("returnReason", document.returnReason());
        json.put("leader", document.leader());
        json.put("direction", document.direction());
        json.put("leadAssignee", document.leadAssignee());
        json.put("supportAssignees", document.supportAssignees());
        json.put("deadline", document.deadline() == null ? null : document.deadline().toString());
        json.put("progress", document.progress());
        json.put("traceHeaders", document.traceHeaders());
        json.put("businessDocType", document.businessDocType());
        json.put("responseForDocumentId", document.responseForDocumentId());
        json.put("attachments", document.attachments().stream().map(DocumentJson::attachment).toList());
        json.put("nextStates", document.state().next().stream().map(state -> state.code()).sorted().toList());
        return json;
    }

    static List<String> warnings(DocumentRecord document) {
        List<String> warnings = new java.util.ArrayList<>();
        if (document.duplicateOf() != null) {
            warnings.add("Có thể trùng văn bản #" + document.duplicateOf() + ": " + document.duplicateReason());
        }
        if (document.secret()) {
            warnings.add("Văn bản mật (" + document.metadata().value(MetadataField.Secrecy) + "): không lưu nội dung, không lập chỉ mục");
        }
        document.metadata().asMap().forEach((name, field) -> {
            if (field.present() && field.confidence() < 0.7) {
                warnings.add("Kiểm tra " + name + " (độ tin cậy " + Math.round(field.confidence() * 100) + " %)");
            }
        });
        return warnings;
    }

    static Map<String, Object> attachment(StoredAttachment attachment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", attachment.id());
        json.put("name", attachment.name());
        json.put("contentType", attachment.contentType());
        json.put("size", attachment.size());
        json.put("sha256", attachment.sha256());
        return json;
    }

    static Map<String, Object> history(HistoryEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", entry.at().toString());
        json.put("actor", entry.actor());
        json.put("action", entry.action());
        json.put("from", entry.fromState() == null ? null : entry.fromState().code());
        json.put("to", entry.toState() == null ? null : entry.toState().code());
        json.put("note", entry.note());
        return json;
    }

    static Map<String, Object> unit(Unit unit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unit", unit.unitId());
        json.put("name", unit.name());
        json.put("documentAddress", unit.documentAddress());
        json.put("clerkMailbox", unit.clerkMailbox());
        json.put("organId", unit.organId());
        return json;
    }

    static Map<String, Object> client(vn.govmail.eoffice.clients.ClientSystem client) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", client.name());
        json.put("unit", client.unitId());
        json.put("createdAt", client.createdAt().toString());
        json.put("revokedAt", client.revokedAt() == null ? null : client.revokedAt().toString());
        return json;
    }
}

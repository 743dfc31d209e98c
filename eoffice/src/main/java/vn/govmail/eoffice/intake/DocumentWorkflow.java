package vn.govmail.eoffice.intake;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.govmail.eoffice.edxml.StatusCode;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.DocumentState;
import vn.govmail.eoffice.store.DocumentStore;
import vn.govmail.eoffice.store.StateChangeRefused;
import vn.govmail.eoffice.store.Unit;

/**
 * The clerk's and leader's steps on an incoming document, each with the mails it causes: the status to the sender
 * (03 registered, 02 returned with the reason, 04 assigned, 06 completed) and the notification of the next person.
 */
public final class DocumentWorkflow {
    private final DocumentStore store;
    private final StatusNotices notices;

    public DocumentWorkflow(DocumentStore store, StatusNotices notices) {
        this.store = store;
        this.notices = notices;
    }

    /** A step's outcome: the document as it now is, and the mails to send. */
    public record StepResult(DocumentRecord document, List<Notice> notices) {
    }

    public StepResult register(long id, String actor) throws SQLException {
        return withStatus(store.register(id, actor), null, List.of());
    }

    public StepResult returnToSender(long id, String actor, String reason) throws SQLException {
        return withStatus(store.returnToSender(id, actor, reason), reason, List.of());
    }

    public StepResult present(long id, String actor, String leader) throws SQLException {
        DocumentRecord document = store.present(id, actor, leader);
        List<Notice> next = new ArrayList<>();
        if (leader.contains("@")) {
            next.add(new Notice(leader, "[Trình văn bản] " + StatusNotices.reference(document),
                "Văn thư trình " + StatusNotices.reference(document) + " (số đến " + document.arrivalNumber() + ") để cho ý kiến chỉ đạo.\n"
                    + (document.metadata().value(vn.govmail.eoffice.MetadataField.Priority) != null
                        ? "Độ khẩn: " + document.metadata().value(vn.govmail.eoffice.MetadataField.Priority) + ".\n" : ""), null));
        }
        return new StepResult(document, next);
    }

    public StepResult direct(long id, String actor, String direction, String lead, String support, LocalDate deadline) throws SQLException {
        DocumentRecord document = store.direct(id, actor, direction, lead, support, deadline);
        List<Notice> next = new ArrayList<>();
        for (String assignee : (lead + (support == null ? "" : "," + support)).split("[,;]")) {
            if (assignee.strip().contains("@")) {
                next.add(new Notice(assignee.strip(), "[Giao xử lý] " + StatusNotices.reference(document),
                    "Anh/chị được giao " + (assignee.strip().equals(lead.strip()) ? "chủ trì" : "phối hợp") + " xử lý "
                        + StatusNotices.reference(document) + ".\n"
                        + (direction == null ? "" : "Ý kiến chỉ đạo: " + direction + "\n")
                        + (deadline == null ? "" : "Hạn xử lý: " + deadline + "\n"), null));
            }
        }
        return withStatus(document, direction, next);
    }

    public StepResult progress(long id, String actor, String note) throws SQLException {
        return new StepResult(store.recordProgress(id, actor, note), List.of());
    }

    public StepResult complete(long id, String actor, String note) throws SQLException {
        return withStatus(store.complete(id, actor, note), note, List.of());
    }

    /** The status the sender should see now, sent again on request (e.g. after a lost mail). */
    public Notice currentStatus(Unit unit, long id) throws SQLException {
        DocumentRecord document = store.get(id).orElseThrow(() -> new StateChangeRefused("Không có văn bản #" + id));
        StatusCode code = document.state().statusToSender().orElse(document.state() == DocumentState.PRESENTED
            ? StatusCode.ACCEPTED : StatusCode.ARRIVED);
        return notices.status(unit, document, code, document.state() == DocumentState.RETURNED ? document.returnReason() : null);
    }

    private StepResult withStatus(DocumentRecord document, String description, List<Notice> others) throws SQLException {
        List<Notice> toSend = new ArrayList<>(others);
        if (!document.secret() && document.senderAddress() != null) {
            Unit unit = store.unit(document.unitId()).orElseThrow();
            document.state().statusToSender().ifPresent(code -> toSend.add(notices.status(unit, document, code, description)));
        }
        return new StepResult(document, List.copyOf(toSend));
    }
}

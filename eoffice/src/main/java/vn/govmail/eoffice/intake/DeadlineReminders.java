package vn.govmail.eoffice.intake;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.DocumentStore;
import vn.govmail.eoffice.store.Unit;

/**
 * Đôn đốc (Nghị định 30, Điều 24): a reminder to the lead assignee and the văn thư when a document in progress
 * reaches its deadline within {@link #DAYS_AHEAD} day(s), or is overdue; at most once a day per document.
 */
public final class DeadlineReminders {
    public static final int DAYS_AHEAD = 1;
    private final DocumentStore store;
    private final Clock clock;

    public DeadlineReminders(DocumentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A reminder to send, from which unit. */
    public record Reminder(Unit unit, Notice notice) {
    }

    public List<Reminder> due() throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        List<Reminder> reminders = new ArrayList<>();
        for (DocumentRecord document : store.takeDueForReminder(today, DAYS_AHEAD)) {
            Unit unit = store.unit(document.unitId()).orElseThrow();
            boolean overdue = document.deadline().isBefore(today);
            String subject = (overdue ? "[Quá hạn] " : "[Sắp đến hạn] ") + StatusNotices.reference(document);
            String priority = document.metadata().value(MetadataField.Priority);
            String text = "Văn bản đến #" + document.id() + " (" + StatusNotices.reference(document) + ")"
                + (priority == null ? "" : ", độ khẩn " + priority) + " có hạn xử lý " + document.deadline()
                + (overdue ? " và đã quá hạn" : "") + ".\nChủ trì: " + document.leadAssignee()
                + (document.supportAssignees() == null ? "" : "; phối hợp: " + document.supportAssignees())
                + (document.progress() == null ? "" : "\nTiến độ gần nhất: " + document.progress()) + "\n";
            if (document.leadAssignee() != null && document.leadAssignee().contains("@")) {
                reminders.add(new Reminder(unit, new Notice(document.leadAssignee(), subject, text, null)));
            }
            reminders.add(new Reminder(unit, new Notice(unit.clerkMailbox(), subject, text, null)));
        }
        return reminders;
    }
}

package vn.govmail.webmail.eoffice;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An opened document: its metadata fields with the extraction confidence, the source mail, attachments, warnings,
 * the workflow fields, and what the user may do with it now ({@code actions}: CORRECT, REGISTER, RETURN, PRESENT,
 * DIRECT, PROGRESS, COMPLETE).
 */
public record DocumentDetail(DocumentSummary summary, List<MetadataField> fields, SourceMail sourceMail, List<Attachment> attachments,
                             List<String> warnings, Workflow workflow, Set<String> roles, Set<String> actions) {
    /** Below this confidence the clerk is asked to check the field ("Kiểm tra"), as in the server's warnings. */
    public static final double CHECK_BELOW = 0.7;

    public record MetadataField(String name, String value, double confidence) {
        public boolean needsCheck() {
            return value != null && !value.isBlank() && confidence < CHECK_BELOW;
        }
    }

    public record SourceMail(String from, String fromName, String messageId, String subject, String date) {
    }

    public record Attachment(long id, String name, String contentType, long size) {
    }

    public record Workflow(LocalDate arrivalDate, String returnReason, String leader, String direction, String leadAssignee,
                           String supportAssignees, LocalDate deadline, String progress) {
    }

    public boolean may(String action) {
        return actions.contains(action);
    }
}

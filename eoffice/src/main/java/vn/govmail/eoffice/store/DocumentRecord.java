package vn.govmail.eoffice.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import vn.govmail.eoffice.DocumentMetadata;

/** A recorded incoming document (văn bản đến) as the clerk sees it. */
public record DocumentRecord(long id, String unitId, DocumentState state, String source, String documentId, String senderOrganId,
                             DocumentMetadata metadata, String senderAddress, String senderName, String mailMessageId,
                             String mailSubject, OffsetDateTime mailDate, OffsetDateTime receivedAt, boolean secret,
                             Long duplicateOf, String duplicateReason, Integer arrivalNumber, LocalDate arrivalDate,
                             String returnReason, String leader, String direction, String leadAssignee,
                             String supportAssignees, LocalDate deadline, String progress, String traceHeaders,
                             Integer businessDocType, String responseForDocumentId, List<StoredAttachment> attachments) {

    public boolean senderSpeaksEdxml() {
        return "edxml".equals(source);
    }
}

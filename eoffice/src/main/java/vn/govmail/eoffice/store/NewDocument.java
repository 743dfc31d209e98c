package vn.govmail.eoffice.store;

import java.time.OffsetDateTime;
import java.util.List;

import vn.govmail.eoffice.DocumentMetadata;

/**
 * An incoming document about to be recorded: its metadata (with confidences), where it came from, its text (null
 * for secret documents) and the files to keep.
 *
 * @param source "edxml" when the sender spoke edXML, "mail" when the metadata was extracted from an ordinary mail
 * @param documentId the edXML DocumentId ("OrganId,yyyy/MM/dd,số/ký hiệu"), or null
 * @param senderOrganId the sender's OrganId (edXML only)
 */
public record NewDocument(String unitId, String source, String documentId, String senderOrganId, DocumentMetadata metadata,
                          String senderAddress, String senderName, String mailMessageId, String mailSubject,
                          OffsetDateTime mailDate, String text, String traceHeaders, Integer businessDocType,
                          String responseForDocumentId, List<FileToKeep> attachments) {

    /** A file's bytes to store with the record. */
    public record FileToKeep(String name, String contentType, byte[] content) {
    }
}

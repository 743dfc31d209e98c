package vn.govmail.eoffice.store;

/** An attachment kept with a document record (content loaded only on download). */
public record StoredAttachment(long id, long documentId, String name, String contentType, long size, String sha256) {
}

package vn.govmail.eoffice.edxml;

/** A file carried inside the package (AttachmentEncoded/Attachment), base64-decoded. */
public record EdxmlAttachment(String name, String contentType, String contentId, String description, byte[] content) {
}

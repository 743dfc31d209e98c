package vn.govmail.eoffice.mail;

/** A file attached to a mail (or a non-text body part), with its decoded bytes. */
public record MailAttachment(String fileName, String contentType, byte[] content) {
    public String fileNameOrDefault(int index) {
        return fileName == null || fileName.isBlank() ? "part-" + index : fileName;
    }
}

package vn.govmail.eoffice.intake;

/**
 * A mail the bridge wants sent (acknowledgement, status, alert): to whom, subject and Vietnamese text, and an edXML
 * status package to attach when the recipient speaks edXML (else null).
 */
public record Notice(String to, String subject, String text, byte[] edxmlAttachment) {
    public static final String EDXML_ATTACHMENT_NAME = "status.edxml";
}

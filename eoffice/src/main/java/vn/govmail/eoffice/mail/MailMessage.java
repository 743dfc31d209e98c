package vn.govmail.eoffice.mail;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What the document bridge needs of a mail: the sender, subject, date, the text body (decoded to Unicode NFC)
 * and the attachments.
 */
public record MailMessage(String fromAddress, String fromName, String subject, ZonedDateTime date, String messageId,
                          String textBody, List<MailAttachment> attachments) {
}

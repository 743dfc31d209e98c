package vn.govmail.webmail.mail;

import java.util.Date;
import java.util.List;
import java.util.Map;

/** A message opened for reading: decoded headers, its text and/or (unsanitised) HTML, attachments and inline images. */
public record ReadableMessage(
    long uid,
    String folder,
    String from,
    String fromAddress,
    String to,
    String cc,
    String replyTo,
    String subject,
    Date date,
    String messageId,
    String references,
    String text,
    String html,
    List<Attachment> attachments,
    Map<String, String> inlineImages,
    boolean flagged) {

    /** index: position in the depth-first walk of the MIME tree, stable for a given message. */
    public record Attachment(int index, String fileName, String contentType, long size) {
    }
}

package vn.govmail.mailserver.spam;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.jsoup.Jsoup;

/**
 * What a user sees of a quarantined mail before deciding: a few headers and the text, never its HTML (the mail is
 * suspect by definition: an HTML part becomes plain text here, so nothing of it is rendered by the browser), and the
 * attachment names (not their content).
 */
public record QuarantinePreview(Quarantine.Entry entry, String from, String to, String date, String replyTo, String text,
                                boolean truncated, List<String> attachments) {
    static final int MAX_TEXT = 20_000;

    static QuarantinePreview of(Quarantine.Entry entry, MimeMessage message) throws MessagingException {
        Collector collector = new Collector();
        try {
            collector.walk(message);
        } catch (IOException | MessagingException e) {
            collector.text.append("\n[").append("unreadable part: ").append(e.getMessage()).append(']');
        }
        String text = collector.plain.length() > 0 ? collector.plain.toString() : collector.text.toString();
        boolean truncated = text.length() > MAX_TEXT;
        return new QuarantinePreview(entry, header(message, "From"), header(message, "To"), header(message, "Date"),
            header(message, "Reply-To"), truncated ? text.substring(0, MAX_TEXT) : text, truncated, collector.attachments);
    }

    static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ", ");
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (java.io.UnsupportedEncodingException e) {
            return value;
        }
    }

    /** Plain text parts, else HTML parts as text; attachment names. */
    private static final class Collector {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder text = new StringBuilder();
        final List<String> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
            String fileName = fileName(part);
            if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachments.add(fileName == null ? type.split(";")[0] : fileName);
            } else if (type.startsWith("multipart/") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
            } else if (type.startsWith("text/plain") && plain.length() < MAX_TEXT) {
                plain.append(part.getContent()).append('\n');
            } else if (type.startsWith("text/html") && text.length() < MAX_TEXT) {
                text.append(Jsoup.parse(String.valueOf(part.getContent())).wholeText().strip()).append('\n');
            } else if (type.startsWith("message/rfc822") && part.getContent() instanceof Part nested) {
                walk(nested);
            }
        }

        private static String fileName(Part part) {
            try {
                String name = part.getFileName();
                return name == null ? null : MimeUtility.decodeText(name);
            } catch (MessagingException | java.io.UnsupportedEncodingException e) {
                return "?";
            }
        }
    }
}

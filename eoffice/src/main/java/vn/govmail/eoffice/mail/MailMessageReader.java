package vn.govmail.eoffice.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads a raw RFC 5322 mail into a {@link MailMessage}. Text is decoded with the declared charset (windows-1258
 * included) and normalised to NFC, because Vietnamese arrives both precomposed and decomposed.
 */
public final class MailMessageReader {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public MailMessage read(byte[] raw) throws IOException {
        try (InputStream in = new ByteArrayInputStream(raw)) {
            return read(in);
        }
    }

    public MailMessage read(InputStream raw) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        Message message = builder.parseMessage(raw);
        try {
            StringBuilder text = new StringBuilder();
            List<MailAttachment> attachments = new ArrayList<>();
            collect(message, text, attachments, true);
            Mailbox from = message.getFrom() == null || message.getFrom().isEmpty() ? null : message.getFrom().get(0);
            ZonedDateTime date = message.getDate() == null ? null : message.getDate().toInstant().atZone(VIETNAM);
            return new MailMessage(from == null ? null : from.getAddress().toLowerCase(),
                from == null ? null : nfc(from.getName()), nfc(message.getSubject()), date, message.getMessageId(),
                text.toString(), List.copyOf(attachments));
        } finally {
            message.dispose();
        }
    }

    private void collect(Entity entity, StringBuilder text, List<MailAttachment> attachments, boolean top) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            boolean alternative = "alternative".equalsIgnoreCase(multipart.getSubType());
            for (Entity part : multipart.getBodyParts()) {
                // Of text/plain + text/html alternatives, the plain one is enough.
                if (alternative && "text/html".equalsIgnoreCase(part.getMimeType()) && text.length() > 0) {
                    continue;
                }
                collect(part, text, attachments, false);
            }
            return;
        }
        if (body instanceof Message inner) {
            collect(inner, text, attachments, false);
            return;
        }
        boolean attachment = entity.getFilename() != null || "attachment".equalsIgnoreCase(entity.getDispositionType());
        if (body instanceof TextBody textBody && "text/plain".equalsIgnoreCase(entity.getMimeType()) && !attachment) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(nfc(readAll(textBody.getReader())));
        } else if (body instanceof SingleBody single) {
            try (InputStream in = single.getInputStream()) {
                attachments.add(new MailAttachment(nfc(entity.getFilename()), entity.getMimeType(), in.readAllBytes()));
            }
        }
    }

    private static String readAll(Reader reader) throws IOException {
        try (reader) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}

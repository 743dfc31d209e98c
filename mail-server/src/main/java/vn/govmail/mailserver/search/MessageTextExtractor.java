package vn.govmail.mailserver.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.jsoup.Jsoup;

/**
 * Turns a raw RFC 5322 message into its searchable text ({@link ExtractedMessage}): headers, the text of the plain
 * and HTML parts in their declared charsets (windows-1258 included), nested messages, attachment names and, through
 * {@link AttachmentTextExtractor}, attachment text. Text is kept as decoded; Unicode composition and diacritic
 * folding happen later, in the analyzer and in the stored folded copy.
 */
final class MessageTextExtractor {
    private static final int MAX_HEADER_BYTES = 512 * 1024;

    private final AttachmentTextExtractor attachments;
    private final int maxBodyChars;

    MessageTextExtractor(AttachmentTextExtractor attachments, int maxBodyChars) {
        this.attachments = attachments;
        this.maxBodyChars = maxBodyChars;
    }

    ExtractedMessage extract(byte[] rawMessage) throws IOException {
        List<HeaderField> fields = headerFields(rawMessage);
        List<String> headerLines = new ArrayList<>();
        fields.forEach(field -> field.addLinesTo(headerLines));
        Collector collector = new Collector();
        Message message;
        try (InputStream input = new java.io.ByteArrayInputStream(rawMessage)) {
            DefaultMessageBuilder builder = new DefaultMessageBuilder();
            builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            builder.setDecodeMonitor(DecodeMonitor.SILENT);
            message = builder.parseMessage(input);
        }
        try {
            collectBody(message, collector);
        } finally {
            message.dispose();
        }
        collector.text.append('\n').append(String.join("\n", collector.attachmentNames))
            .append('\n').append(collector.attachmentText);
        boolean truncated = collector.text.length() > maxBodyChars;
        String body = truncated ? collector.text.substring(0, maxBodyChars) : collector.text.toString();
        return new ExtractedMessage(headerLines, decodedValues(fields, List.of("subject")), decodedValues(fields, List.of("from")),
            decodedValues(fields, List.of("to", "cc", "bcc")), body,
            List.copyOf(collector.attachmentNames), truncated);
    }

    private void collectBody(Entity entity, Collector collector) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                collectBody(part, collector);
            }
        } else if (body instanceof Message nested) {
            nested.getHeader().getFields().forEach(field ->
                collector.text.append(field.getName()).append(": ")
                    .append(DecoderUtil.decodeEncodedWords(field.getBody(), DecodeMonitor.SILENT)).append('\n'));
            collectBody(nested, collector);
        } else if (body instanceof SingleBody single) {
            String fileName = entity.getFilename();
            String mimeType = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
            boolean attachment = fileName != null || "attachment".equalsIgnoreCase(entity.getDispositionType());
            if (!attachment && single instanceof TextBody text && mimeType.equals("text/html")) {
                collector.text.append(Jsoup.parse(read(text)).text()).append('\n');
            } else if (!attachment && single instanceof TextBody text && mimeType.startsWith("text/")) {
                collector.text.append(read(text)).append('\n');
            } else {
                if (fileName != null) {
                    collector.attachmentNames.add(DecoderUtil.decodeEncodedWords(fileName, DecodeMonitor.SILENT));
                }
                if (collector.attachmentText.length() < maxBodyChars) {
                    try (InputStream content = single.getInputStream()) {
                        collector.attachmentText.append(attachments.extract(content, mimeType, fileName)).append('\n');
                    }
                }
            }
        }
    }

    private String read(TextBody text) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader reader = text.getReader()) {
            int n;
            while ((n = reader.read(buffer)) > 0 && out.length() <= maxBodyChars) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }

    /** A header field, unfolded; {@code decoded} has its MIME encoded-words decoded. */
    record HeaderField(String name, String raw, String decoded) {
        /** "Name: raw", plus "Name: decoded" when that differs, so both spellings can be searched. */
        void addLinesTo(List<String> lines) {
            lines.add(name + ": " + raw);
            if (!decoded.equals(raw)) {
                lines.add(name + ": " + decoded);
            }
        }
    }

    /** Unfolded header fields, decoded as UTF-8 when valid (RFC 6532), else as ISO-8859-1. */
    static List<HeaderField> headerFields(byte[] rawMessage) {
        String block = decode(rawMessage, Math.min(headerEnd(rawMessage), MAX_HEADER_BYTES));
        List<HeaderField> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : block.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(line);
            } else {
                addField(fields, current);
                current = new StringBuilder(line);
            }
        }
        addField(fields, current);
        return fields;
    }

    private static void addField(List<HeaderField> fields, StringBuilder unfolded) {
        int colon = unfolded == null ? -1 : unfolded.indexOf(":");
        if (colon <= 0) {
            return;
        }
        String value = unfolded.substring(colon + 1).trim();
        fields.add(new HeaderField(unfolded.substring(0, colon).trim(), value,
            DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT)));
    }

    private static String decodedValues(List<HeaderField> fields, List<String> names) {
        return fields.stream()
            .filter(field -> names.contains(field.name().toLowerCase(Locale.ROOT)))
            .map(HeaderField::decoded)
            .reduce((a, b) -> a + ", " + b)
            .orElse("");
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return i;
            }
        }
        return raw.length;
    }

    private static String decode(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    private static final class Collector {
        final StringBuilder text = new StringBuilder();
        final StringBuilder attachmentText = new StringBuilder();
        final List<String> attachmentNames = new ArrayList<>();
    }
}

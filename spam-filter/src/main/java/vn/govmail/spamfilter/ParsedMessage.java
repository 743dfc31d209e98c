package vn.govmail.spamfilter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * The parts of a message the rules look at, decoded once: headers, From, texts, attachments.
 * Parsing is permissive: a broken message still yields whatever could be read.
 */
public final class ParsedMessage {
    /** Bodies bigger than this are cut for the text rules (attachments are still scanned whole). */
    private static final int MAX_TEXT_CHARS = 200_000;
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?s)<(script|style)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public record Header(String name, String value) {}

    public record Attachment(String fileName, String declaredType, byte[] content) {}

    private final List<Header> headers = new ArrayList<>();
    private final StringBuilder plainText = new StringBuilder();
    private final StringBuilder htmlText = new StringBuilder();
    private final List<Attachment> attachments = new ArrayList<>();
    private String visibleText;
    private String foldedText;
    private java.util.Set<String> linkHosts;
    /** From and Reply-To, parsed on first use (several steps ask; mime4j's address parser is not cheap). */
    private Mailbox from;
    private Mailbox replyTo;
    private boolean addressesParsed;

    /** The hosts of the message's links (see {@link UrlExtractor}). Computed once. */
    public synchronized java.util.Set<String> linkHosts() {
        if (linkHosts == null) {
            linkHosts = UrlExtractor.extract(this);
        }
        return linkHosts;
    }

    private ParsedMessage() {
    }

    public static ParsedMessage parse(byte[] raw) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        Message message = builder.parseMessage(new ByteArrayInputStream(raw));
        ParsedMessage parsed = new ParsedMessage();
        for (Field field : message.getHeader().getFields()) {
            String value = field.getBody() == null ? "" : field.getBody();
            parsed.headers.add(new Header(field.getName(), DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT)));
        }
        parsed.collect(message);
        message.dispose();
        return parsed;
    }

    private void collect(Entity entity) throws IOException {
        Body body = entity.getBody();
        if (body instanceof Multipart multipart) {
            for (Entity part : multipart.getBodyParts()) {
                collect(part);
            }
        } else if (body instanceof Message nested) {
            collect(nested);
        } else if (body instanceof TextBody text && entity.getFilename() == null
                && !"attachment".equalsIgnoreCase(entity.getDispositionType())) {
            StringBuilder target = entity.getMimeType().toLowerCase(Locale.ROOT).contains("html") ? htmlText : plainText;
            appendText(text, target);
        } else if (body instanceof TextBody || body instanceof BinaryBody) {
            try (InputStream in = body instanceof TextBody t ? t.getInputStream() : ((BinaryBody) body).getInputStream()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                attachments.add(new Attachment(entity.getFilename(), entity.getMimeType(), bytes.toByteArray()));
            }
        }
    }

    private static void appendText(TextBody text, StringBuilder target) throws IOException {
        try (Reader reader = text.getReader()) {
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) > 0 && target.length() < MAX_TEXT_CHARS) {
                target.append(buffer, 0, Math.min(n, MAX_TEXT_CHARS - target.length()));
            }
        } catch (RuntimeException unsupportedCharset) {
            // an unknown charset: the text rules see nothing rather than the step failing
        }
        target.append('\n');
    }

    public List<Header> headers() {
        return headers;
    }

    /** All values of a header, decoded, in order. */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    public String subject() {
        String subject = header("Subject");
        return subject == null ? "" : subject;
    }

    /** The first From mailbox, or null when there is none or it does not parse. */
    public Mailbox from() {
        parseAddresses();
        return from;
    }

    public Mailbox replyTo() {
        parseAddresses();
        return replyTo;
    }

    private synchronized void parseAddresses() {
        if (!addressesParsed) {
            from = mailbox(header("From"));
            replyTo = mailbox(header("Reply-To"));
            addressesParsed = true;
        }
    }

    private static Mailbox mailbox(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DefaultAddressParser.DEFAULT.parseMailbox(firstAddress(value));
        } catch (Exception | Error unparsable) {
            // mime4j throws ParseException (checked) or TokenMgrError for garbage: no usable From
            return null;
        }
    }

    /** The text before the first comma that is not inside a quoted display name. */
    static String firstAddress(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return value.substring(0, i);
            }
        }
        return value;
    }

    public String fromDomain() {
        Mailbox from = from();
        return from == null || from.getDomain() == null ? "" : from.getDomain().toLowerCase(Locale.ROOT);
    }

    public String plainText() {
        return plainText.toString();
    }

    public String htmlText() {
        return htmlText.toString();
    }

    /** Plain text plus the HTML with its tags removed: what a reader sees. Computed once. */
    public synchronized String visibleText() {
        if (visibleText == null) {
            String withoutScripts = SCRIPT_OR_STYLE.matcher(htmlText).replaceAll(" ");
            visibleText = plainText + " " + TAG.matcher(withoutScripts).replaceAll(" ").replace("&nbsp;", " ");
        }
        return visibleText;
    }

    /** Subject and visible text, lower case, without diacritics (đ → d), whitespace collapsed. Computed once. */
    public synchronized String foldedText() {
        if (foldedText == null) {
            foldedText = WHITESPACE.matcher(vn.govmail.spamfilter.bayes.Tokenizer.fold(subject() + "\n" + visibleText())).replaceAll(" ");
        }
        return foldedText;
    }

    public List<Attachment> attachments() {
        return attachments;
    }
}

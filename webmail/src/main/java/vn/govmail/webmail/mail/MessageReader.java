package vn.govmail.webmail.mail;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** Opens a message by UID and takes its MIME tree apart into what the reading pane shows. */
public class MessageReader {
    private static final int MAX_INLINE_IMAGE = 5 * 1024 * 1024;
    private static final int MAX_RAW_SOURCE = 4 * 1024 * 1024;
    private final MailAccount account;

    public MessageReader(MailAccount account) {
        this.account = account;
    }

    public ReadableMessage read(String folderName, long uid) throws MessagingException, IOException {
        synchronized (account) {
            IMAPFolder folder = account.open(folderName);
            MimeMessage message = message(folder, uid);
            Walk walk = new Walk();
            walk.visit(message, false);
            if (!message.isSet(Flags.Flag.SEEN)) {
                message.setFlag(Flags.Flag.SEEN, true);
            }
            InternetAddress from = first(message.getFrom());
            return new ReadableMessage(uid, folderName,
                from == null ? "" : display(from),
                from == null ? "" : from.getAddress(),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                addresses(message.getRecipients(Message.RecipientType.CC)),
                addresses(message.getReplyTo()),
                message.getSubject() == null ? "" : TextDecoding.normalize(message.getSubject()),
                message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate(),
                message.getMessageID(),
                message.getHeader("References", " "),
                walk.text, walk.html, walk.attachments, walk.inline, message.isSet(Flags.Flag.FLAGGED));
        }
    }

    /** The attachment's bytes (decoded from base64/quoted-printable) for download. */
    public byte[] attachment(String folderName, long uid, int index) throws MessagingException, IOException {
        synchronized (account) {
            Walk walk = new Walk();
            walk.wanted = index;
            walk.visit(message(account.open(folderName), uid), false);
            if (walk.found == null) {
                throw new MessagingException("No attachment " + index);
            }
            try (InputStream in = walk.found.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }

    /** The whole message as the server stores it (for "view source" and "forward as attachment"). */
    public byte[] raw(String folderName, long uid) throws MessagingException, IOException {
        synchronized (account) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message(account.open(folderName), uid).writeTo(out);
            return out.toByteArray();
        }
    }

    public String rawText(String folderName, long uid) throws MessagingException, IOException {
        byte[] raw = raw(folderName, uid);
        boolean cut = raw.length > MAX_RAW_SOURCE;
        String text = TextDecoding.decode(cut ? java.util.Arrays.copyOf(raw, MAX_RAW_SOURCE) : raw, null);
        return cut ? text + "\n[…]" : text;
    }

    /**
     * The message parsed here from its full source (one BODY[] fetch), not through the server's BODYSTRUCTURE:
     * servers differ in how they report non-ASCII file names and broken MIME, and the parse here is the one
     * our charset rules apply to.
     */
    public MimeMessage message(IMAPFolder folder, long uid) throws MessagingException {
        Message message = folder.getMessageByUID(uid);
        if (message == null || message.isExpunged()) {
            throw new MessageGoneException();
        }
        return new LocalCopy((MimeMessage) message);
    }

    /** A parsed copy that still answers flag changes through the server's message. */
    private static final class LocalCopy extends MimeMessage {
        private final MimeMessage remote;

        LocalCopy(MimeMessage remote) throws MessagingException {
            super(remote);
            this.remote = remote;
        }

        @Override
        public synchronized boolean isSet(Flags.Flag flag) throws MessagingException {
            return remote.isSet(flag);
        }

        @Override
        public synchronized void setFlag(Flags.Flag flag, boolean set) throws MessagingException {
            remote.setFlag(flag, set);
        }

        @Override
        public Date getReceivedDate() throws MessagingException {
            return remote.getReceivedDate();
        }
    }

    /** The message was moved or deleted meanwhile (another client, another tab). */
    public static class MessageGoneException extends MessagingException {
        public MessageGoneException() {
            super("message.gone");
        }
    }

    public static String safeFileName(String name, String contentType) {
        String decoded = name;
        if (decoded != null && decoded.contains("=?")) {
            try {
                decoded = MimeUtility.decodeText(decoded);
            } catch (IOException ignored) {
                // keep the raw name
            }
        }
        if (decoded == null || decoded.isBlank()) {
            decoded = "attachment" + extension(contentType);
        }
        decoded = TextDecoding.normalize(decoded);
        int slash = Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\'));
        decoded = decoded.substring(slash + 1)
            .replaceAll("[\\p{Cntrl}\"<>:|?*;]", "_")
            .replaceAll("^\\.+", "_")
            .strip();
        if (decoded.isEmpty()) {
            decoded = "attachment" + extension(contentType);
        }
        return decoded.length() > 150 ? decoded.substring(0, 150) : decoded;
    }

    private static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("message/rfc822")) {
            return ".eml";
        }
        if (type.startsWith("application/pdf")) {
            return ".pdf";
        }
        return ".bin";
    }

    private static InternetAddress first(Address[] addresses) {
        return addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress a ? a : null;
    }

    private static String display(InternetAddress address) {
        String personal = address.getPersonal();
        return personal == null || personal.isBlank() ? address.getAddress()
            : TextDecoding.normalize(personal) + " <" + address.getAddress() + ">";
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Stream.of(addresses).map(a -> a instanceof InternetAddress ia ? display(ia) : a.toString())
            .collect(Collectors.joining(", "));
    }

    /** Depth-first walk that numbers every leaf part, so that an attachment index means the same part next time. */
    private static final class Walk {
        String text;
        String html;
        final List<ReadableMessage.Attachment> attachments = new ArrayList<>();
        final Map<String, String> inline = new LinkedHashMap<>();
        int next;
        int wanted = -1;
        Part found;

        void visit(Part part, boolean insideRelated) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                boolean related = part.isMimeType("multipart/related");
                for (int i = 0; i < multipart.getCount(); i++) {
                    visit(multipart.getBodyPart(i), related && i > 0 || insideRelated && i > 0);
                }
                return;
            }
            int index = next++;
            if (index == wanted) {
                found = part;
            }
            if (wanted >= 0) {
                return;
            }
            String disposition = part.getDisposition();
            String fileName = part.getFileName();
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null && !part.isMimeType("image/*")
                || part.isMimeType("message/rfc822");
            String contentId = part instanceof MimePart mime ? mime.getContentID() : null;
            if (!attachment && part.isMimeType("text/plain") && text == null) {
                text = decodeText(part);
            } else if (!attachment && part.isMimeType("text/html") && html == null) {
                html = decodeText(part);
            } else if (part.isMimeType("image/*") && contentId != null && (insideRelated || !Part.ATTACHMENT.equalsIgnoreCase(disposition))) {
                byte[] bytes = readLimited(part);
                if (bytes != null) {
                    String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
                    if (!type.contains("svg")) {
                        inline.put(contentId.replaceAll("^<|>$", ""), "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
                    }
                }
            } else {
                String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
                attachments.add(new ReadableMessage.Attachment(index, safeFileName(fileName, type), type, estimatedSize(part)));
            }
        }

        private static long estimatedSize(Part part) throws MessagingException {
            int size = part.getSize(); // encoded size: base64 is 4/3 of the content
            if (size < 0) {
                return -1;
            }
            String encoding = part instanceof MimePart mime ? mime.getEncoding() : null;
            return "base64".equalsIgnoreCase(encoding) ? size * 3L / 4 : size;
        }

        private static byte[] readLimited(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_INLINE_IMAGE + 1);
                return bytes.length > MAX_INLINE_IMAGE ? null : bytes;
            }
        }

        private static String decodeText(Part part) throws MessagingException, IOException {
            String charset = null;
            try {
                charset = new ContentType(part.getContentType()).getParameter("charset");
            } catch (jakarta.mail.internet.ParseException ignored) {
                // a broken Content-Type: guess from the bytes
            }
            try (InputStream in = part.getInputStream()) {
                return TextDecoding.decode(in.readAllBytes(), charset);
            }
        }
    }
}

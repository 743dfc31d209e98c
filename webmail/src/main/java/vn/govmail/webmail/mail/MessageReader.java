package vn.govmail.webmail.mail;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Opens a message by UID and takes its MIME tree apart into what the reading pane shows, downloading only what is
 * shown: the server's BODYSTRUCTURE and header block first (one command), then the text/plain and text/html
 * parts displayed (one command), the inline images the HTML refers to (one more, only if it does). Attachments
 * are listed from the structure and downloaded when asked for, the whole source likewise.
 */
public class MessageReader {
    private static final int MAX_INLINE_IMAGE = 5 * 1024 * 1024;
    private static final int MAX_RAW_SOURCE = 4 * 1024 * 1024;
    private final MailAccount account;

    public MessageReader(MailAccount account) {
        this.account = account;
    }

    public ReadableMessage read(String folderName, long uid) throws MessagingException, IOException {
        synchronized (account) {
            return onSelected(folderName, folder -> read(folder, folderName, uid));
        }
    }

    private ReadableMessage read(IMAPFolder folder, String folderName, long uid) throws MessagingException, IOException {
        Opened opened = open(folder, uid);
        Walk walk = new Walk();
        walk.visit(opened.tree(), false);
        Map<MimeNode, byte[]> shown = opened.bytes(folder, uid, Stream.of(walk.text, walk.html).filter(Objects::nonNull).toList());
        String text = walk.text == null ? null : decodeText(walk.text, shown.get(walk.text));
        String html = walk.html == null ? null : decodeText(walk.html, shown.get(walk.html));
        Map<String, String> inline = html == null ? Map.of() : inlineImages(folder, uid, opened, walk.inline, html);
        if (!opened.flags().contains(Flags.Flag.SEEN)) {
            opened.markSeen(folder, uid);
        }
        MimeMessage headers = opened.headers();
        InternetAddress from = first(headers.getFrom());
        return new ReadableMessage(uid, folderName,
            from == null ? "" : display(from),
            from == null ? "" : from.getAddress(),
            addresses(headers.getRecipients(Message.RecipientType.TO)),
            addresses(headers.getRecipients(Message.RecipientType.CC)),
            addresses(headers.getReplyTo()),
            headers.getSubject() == null ? "" : TextDecoding.normalize(headers.getSubject()),
            headers.getSentDate() != null ? headers.getSentDate() : opened.internalDate(),
            headers.getMessageID(),
            headers.getHeader("References", " "),
            text, html, attachments(folder, uid, opened, walk.attachments), inline, opened.flags().contains(Flags.Flag.FLAGGED));
    }

    /**
     * The attachments with their names read from each part's own MIME header ({@code BODY.PEEK[n.MIME]}, a few
     * hundred bytes, one command for all): servers report non-ASCII file names in BODYSTRUCTURE differently
     * (James replaces them with '?'), the header parsed here gives the name the sender wrote (RFC 2231 or not).
     */
    private static List<ReadableMessage.Attachment> attachments(IMAPFolder folder, long uid, Opened opened, List<Walk.Listed> listed)
        throws MessagingException {
        Map<String, byte[]> mimeHeaders = opened.local() != null ? Map.of() : ImapSections.sections(folder, uid,
            listed.stream().map(l -> l.node().section()).filter(section -> !"TEXT".equals(section)).map(section -> section + ".MIME").toList());
        List<ReadableMessage.Attachment> attachments = new ArrayList<>();
        for (Walk.Listed l : listed) {
            MimeNode node = l.node();
            String fileName = node.fileName();
            if (opened.local() == null && "TEXT".equals(node.section())) {
                fileName = opened.headers().getFileName();
            } else if (mimeHeaders.get(node.section() + ".MIME") instanceof byte[] header) {
                fileName = new MimeBodyPart(new InternetHeaders(new ByteArrayInputStream(header)), new byte[0]).getFileName();
            }
            attachments.add(new ReadableMessage.Attachment(l.index(), safeFileName(fileName, node.baseType()), node.baseType(),
                node.estimatedSize()));
        }
        return attachments;
    }

    /** The attachment's bytes (decoded from base64/quoted-printable) for download: only that part is fetched. */
    public byte[] attachment(String folderName, long uid, int index) throws MessagingException, IOException {
        synchronized (account) {
            return onSelected(folderName, folder -> {
                Opened opened = open(folder, uid);
                Walk walk = new Walk();
                walk.wanted = index;
                walk.visit(opened.tree(), false);
                if (walk.found == null) {
                    throw new MessagingException("No attachment " + index);
                }
                return opened.bytes(folder, uid, List.of(walk.found)).get(walk.found);
            });
        }
    }

    /** The whole message as the server stores it (for "forward as attachment"). */
    public byte[] raw(String folderName, long uid) throws MessagingException, IOException {
        return source(folderName, uid, -1);
    }

    /** The source for "view source": at most 4 MB of it are fetched. */
    public String rawText(String folderName, long uid) throws MessagingException, IOException {
        byte[] raw = source(folderName, uid, MAX_RAW_SOURCE + 1);
        boolean cut = raw.length > MAX_RAW_SOURCE;
        String text = TextDecoding.decode(cut ? java.util.Arrays.copyOf(raw, MAX_RAW_SOURCE) : raw, null);
        return cut ? text + "\n[…]" : text;
    }

    private byte[] source(String folderName, long uid, int limit) throws MessagingException, IOException {
        synchronized (account) {
            return onSelected(folderName, folder -> {
                byte[] source = ImapSections.source(folder, uid, limit);
                if (source == null) {
                    throw new MessageGoneException();
                }
                return source;
            });
        }
    }

    private interface FolderWork<T> {
        T run(IMAPFolder folder) throws MessagingException, IOException;
    }

    /** Works on the folder kept selected between requests; once again on a fresh connection if that one was dropped. */
    private <T> T onSelected(String folderName, FolderWork<T> work) throws MessagingException, IOException {
        try {
            return work.run(account.open(folderName));
        } catch (FolderClosedException | StoreClosedException dropped) {
            return work.run(account.reopen(folderName));
        }
    }

    private Opened open(IMAPFolder folder, long uid) throws MessagingException, IOException {
        ImapSections.Outline outline = ImapSections.outline(folder, uid);
        if (outline != null) {
            MimeMessage headers = new MimeMessage(account.session(), new ByteArrayInputStream(outline.header()));
            return new Opened(headers, outline.flags(), outline.internalDate(), MimeNode.of(outline.structure()), null);
        }
        // Gone, or the server could not describe its structure (Angus drops a BODYSTRUCTURE it cannot parse):
        // parse the whole message here, as one BODY[] fetch.
        LocalCopy local = message(folder, uid);
        return new Opened(local, local.remote.getFlags(), local.remote.getReceivedDate(), MimeNode.of(local), local);
    }

    /**
     * An opened message: its headers (parsed here from the header block, so that charset rules are ours), flags and
     * MIME tree; {@code local} when the whole message had to be parsed here.
     */
    private record Opened(MimeMessage headers, Flags flags, Date internalDate, MimeNode tree, LocalCopy local) {

        /** The decoded bytes of these leaves: in one command from the server, or from the local parse. */
        Map<MimeNode, byte[]> bytes(IMAPFolder folder, long uid, List<MimeNode> nodes) throws MessagingException, IOException {
            Map<MimeNode, byte[]> result = new IdentityHashMap<>();
            if (local != null) {
                for (MimeNode node : nodes) {
                    try (InputStream in = node.local().getInputStream()) {
                        result.put(node, in.readAllBytes());
                    }
                }
                return result;
            }
            Map<String, byte[]> encoded = ImapSections.sections(folder, uid, nodes.stream().map(MimeNode::section).distinct().toList());
            for (MimeNode node : nodes) {
                byte[] raw = encoded.get(node.section());
                if (raw == null) {
                    throw new MessageGoneException();
                }
                result.put(node, transferDecoded(raw, node.encoding()));
            }
            return result;
        }

        void markSeen(IMAPFolder folder, long uid) throws MessagingException {
            if (local != null) {
                local.setFlag(Flags.Flag.SEEN, true);
            } else {
                ImapSections.markSeen(folder, uid);
            }
        }
    }

    private static byte[] transferDecoded(byte[] raw, String encoding) throws IOException {
        if (encoding == null || encoding.isBlank()) {
            return raw;
        }
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding.strip())) {
            return in.readAllBytes();
        } catch (MessagingException unknownEncoding) {
            return raw; // an encoding nobody knows: show the bytes as they are rather than nothing
        }
    }

    /** The inline images the HTML refers to (cid:), as data: URIs; only those are fetched, SVG and oversized ones never. */
    private static Map<String, String> inlineImages(IMAPFolder folder, long uid, Opened opened, Map<String, MimeNode> candidates,
                                                    String html) throws MessagingException, IOException {
        String lowerHtml = html.toLowerCase(Locale.ROOT);
        Map<String, MimeNode> used = new LinkedHashMap<>();
        candidates.forEach((id, node) -> {
            if (lowerHtml.contains("cid:" + id.toLowerCase(Locale.ROOT)) && !node.baseType().contains("svg")
                && node.estimatedSize() <= MAX_INLINE_IMAGE) {
                used.put(id, node);
            }
        });
        Map<MimeNode, byte[]> bytes = opened.bytes(folder, uid, List.copyOf(used.values()));
        Map<String, String> inline = new LinkedHashMap<>();
        used.forEach((id, node) -> {
            byte[] image = bytes.get(node);
            if (image.length <= MAX_INLINE_IMAGE) {
                inline.put(id, "data:" + node.baseType() + ";base64," + Base64.getEncoder().encodeToString(image));
            }
        });
        return inline;
    }

    private static String decodeText(MimeNode node, byte[] bytes) {
        return TextDecoding.decode(bytes, node.charset());
    }

    /**
     * The message parsed here from its full source (one BODY[] fetch): the fallback when the server's
     * BODYSTRUCTURE cannot be used.
     */
    private static LocalCopy message(IMAPFolder folder, long uid) throws MessagingException {
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

    /**
     * Depth-first walk that numbers every leaf part, so that an attachment index means the same part next time
     * (the numbering is the same whether the tree comes from the server's structure or from a local parse).
     * It only classifies: nothing is downloaded here.
     */
    private static final class Walk {
        MimeNode text;
        MimeNode html;
        /** A leaf listed as attachment and its number in the walk. */
        record Listed(int index, MimeNode node) {
        }

        final List<Listed> attachments = new ArrayList<>();
        /** Content-ID (without angle brackets) → an image part that may be shown inline. */
        final Map<String, MimeNode> inline = new LinkedHashMap<>();
        int next;
        int wanted = -1;
        MimeNode found;

        void visit(MimeNode part, boolean insideRelated) {
            if (part.isMultipart()) {
                boolean related = part.is("multipart/related");
                for (int i = 0; i < part.children().size(); i++) {
                    visit(part.children().get(i), related && i > 0 || insideRelated && i > 0);
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
            String disposition = part.disposition();
            String fileName = part.fileName();
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null && !part.is("image/*")
                || part.is("message/rfc822");
            String contentId = part.contentId();
            if (!attachment && part.is("text/plain") && text == null) {
                text = part;
            } else if (!attachment && part.is("text/html") && html == null) {
                html = part;
            } else if (part.is("image/*") && contentId != null && (insideRelated || !Part.ATTACHMENT.equalsIgnoreCase(disposition))) {
                inline.put(contentId.replaceAll("^<|>$", ""), part);
            } else {
                attachments.add(new Listed(index, part));
            }
        }
    }
}

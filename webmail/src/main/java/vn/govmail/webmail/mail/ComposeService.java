package vn.govmail.webmail.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.UnsupportedEncodingException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** Builds MIME messages from the compose form, submits them, keeps the sent copy and the drafts. */
public class ComposeService {
    private final MailAccount account;
    private final FolderService folders;

    public ComposeService(MailAccount account) {
        this.account = account;
        this.folders = new FolderService(account);
    }

    public MimeMessage build(OutgoingMessage draft, String displayName) throws MessagingException {
        MimeMessage message = new MimeMessage(account.session());
        try {
            message.setFrom(new InternetAddress(account.user(), displayName == null || displayName.isBlank() ? null : displayName, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setRecipients(Message.RecipientType.TO, parse(draft.to));
        message.setRecipients(Message.RecipientType.CC, parse(draft.cc));
        message.setRecipients(Message.RecipientType.BCC, parse(draft.bcc));
        message.setSubject(draft.subject, "UTF-8");
        message.setSentDate(new Date());
        if (draft.inReplyTo != null) {
            message.setHeader("In-Reply-To", draft.inReplyTo);
        }
        if (draft.references != null) {
            message.setHeader("References", draft.references);
        }
        if (draft.attachments.isEmpty() && draft.html == null) {
            message.setText(draft.body, "UTF-8");
        } else if (draft.attachments.isEmpty()) {
            message.setContent(alternative(draft.html));
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            if (draft.html == null) {
                text.setText(draft.body, "UTF-8");
            } else {
                text.setContent(alternative(draft.html));
            }
            mixed.addBodyPart(text);
            for (OutgoingMessage.Upload upload : draft.attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(upload.bytes(), upload.contentType())));
                try {
                    part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(upload.fileName(), "UTF-8", null));
                } catch (UnsupportedEncodingException e) {
                    throw new IllegalStateException(e);
                }
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Formatted text: multipart/alternative with the plain text first and the cleaned HTML last (the preferred one). */
    private static MimeMultipart alternative(String editorHtml) throws MessagingException {
        String html = FormattedText.sanitize(editorHtml);
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(FormattedText.toPlainText(html), "UTF-8");
        alternative.addBodyPart(plain);
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body>" + html + "</body></html>", "UTF-8", "html");
        alternative.addBodyPart(rich);
        return alternative;
    }

    /** Submits over the submission port (AUTH), then files a copy in Sent and removes the draft. */
    public void send(OutgoingMessage draft, String displayName) throws MessagingException {
        MimeMessage message = build(draft, displayName);
        if (message.getAllRecipients() == null || message.getAllRecipients().length == 0) {
            throw new AddressException("compose.error.noRecipient");
        }
        try (Transport transport = account.transport()) {
            transport.sendMessage(message, message.getAllRecipients());
        }
        synchronized (account) {
            IMAPFolder sent = account.folder(folders.folderFor(FolderRole.SENT));
            message.setFlag(Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
            discardDraft(draft);
        }
    }

    /** Saves (replaces) the draft in Drafts; returns its new UID. */
    public long saveDraft(OutgoingMessage draft, String displayName) throws MessagingException {
        MimeMessage message = build(draft, displayName);
        message.setFlags(new Flags(Flags.Flag.DRAFT), true);
        message.setFlag(Flags.Flag.SEEN, true);
        synchronized (account) {
            IMAPFolder drafts = account.folder(folders.folderFor(FolderRole.DRAFTS));
            AppendUID[] uids = drafts.appendUIDMessages(new Message[] {message});
            discardDraft(draft);
            draft.draftUid = uids != null && uids.length > 0 && uids[0] != null ? uids[0].uid : -1;
            return draft.draftUid;
        }
    }

    public void discardDraft(OutgoingMessage draft) throws MessagingException {
        if (draft.draftUid < 0) {
            return;
        }
        synchronized (account) {
            IMAPFolder drafts = account.folder(folders.folderFor(FolderRole.DRAFTS));
            boolean wasOpen = drafts.isOpen();
            if (!wasOpen) {
                drafts.open(Folder.READ_WRITE);
            }
            Message old = drafts.getMessageByUID(draft.draftUid);
            if (old != null) {
                old.setFlag(Flags.Flag.DELETED, true);
                drafts.expunge(new Message[] {old});
            }
            if (!wasOpen) {
                drafts.close(false);
            }
            draft.draftUid = -1;
        }
    }

    public static OutgoingMessage reply(ReadableMessage original, boolean all, String self, String signature) {
        OutgoingMessage reply = new OutgoingMessage();
        reply.to = original.replyTo().isBlank() ? original.from() : original.replyTo();
        if (all) {
            reply.cc = joinExcluding(self, original.to(), original.cc());
        }
        reply.subject = prefixed("Re: ", original.subject());
        reply.inReplyTo = original.messageId();
        reply.references = original.references() == null ? original.messageId()
            : original.references() + " " + original.messageId();
        reply.body = withSignature("", signature) + "\n\n" + quoteHeader(original) + quote(plainText(original));
        return reply;
    }

    public static OutgoingMessage forwardInline(ReadableMessage original, String signature) {
        OutgoingMessage forward = new OutgoingMessage();
        forward.subject = prefixed("Fwd: ", original.subject());
        forward.body = withSignature("", signature) + "\n\n---------- Forwarded message ----------\n"
            + "From: " + original.from() + "\nDate: " + original.date() + "\nSubject: " + original.subject()
            + "\nTo: " + original.to() + "\n\n" + plainText(original);
        return forward;
    }

    public static OutgoingMessage forwardAsAttachment(ReadableMessage original, byte[] raw, String signature) {
        OutgoingMessage forward = new OutgoingMessage();
        forward.subject = prefixed("Fwd: ", original.subject());
        forward.body = withSignature("", signature);
        forward.attachments.add(new OutgoingMessage.Upload(
            MessageReader.safeFileName(original.subject().isBlank() ? "message" : original.subject(), "") + ".eml",
            "message/rfc822", raw));
        return forward;
    }

    public static String withSignature(String body, String signature) {
        return signature == null || signature.isBlank() ? body : body + "\n\n-- \n" + signature;
    }

    /** The message's text for quoting; from the HTML when there is no text part. */
    public static String plainText(ReadableMessage message) {
        if (message.text() != null) {
            return message.text();
        }
        // Headings, paragraphs and list items on their own lines (jsoup's wholeText() runs them together).
        return message.html() == null ? "" : FormattedText.toPlainText(message.html()).strip();
    }

    private static String quoteHeader(ReadableMessage original) {
        String date = original.date() == null ? "" : new SimpleDateFormat("dd/MM/yyyy HH:mm", Locale.ROOT).format(original.date());
        return date + ", " + original.from() + ":\n";
    }

    private static String quote(String text) {
        return text.lines().map(line -> "> " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String prefixed(String prefix, String subject) {
        return subject.regionMatches(true, 0, prefix, 0, prefix.length()) ? subject : prefix + subject;
    }

    private static String joinExcluding(String self, String... lists) {
        StringBuilder out = new StringBuilder();
        for (String list : lists) {
            try {
                for (InternetAddress address : InternetAddress.parse(list == null ? "" : list, false)) {
                    if (!address.getAddress().equalsIgnoreCase(self)) {
                        out.append(out.isEmpty() ? "" : ", ").append(address.toUnicodeString());
                    }
                }
            } catch (AddressException ignored) {
                // an unparseable header is left out of reply-all
            }
        }
        return out.toString();
    }

    static InternetAddress[] parse(String list) throws AddressException {
        if (list == null || list.isBlank()) {
            return new InternetAddress[0];
        }
        InternetAddress[] addresses = InternetAddress.parse(list.replace(';', ','), true);
        for (InternetAddress address : addresses) {
            address.validate();
        }
        return addresses;
    }

    public static List<String> addressesOf(OutgoingMessage message) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        for (String list : new String[] {message.to, message.cc, message.bcc}) {
            try {
                for (InternetAddress a : parse(list)) {
                    all.add(a.toUnicodeString());
                }
            } catch (AddressException ignored) {
                // the send itself reports bad addresses
            }
        }
        return all;
    }

}

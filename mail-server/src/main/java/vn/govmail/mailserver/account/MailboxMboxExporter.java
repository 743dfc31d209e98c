package vn.govmail.mailserver.account;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;

/**
 * Writes every mailbox of an account to a directory of mbox files (mboxrd: one {@code <folder>.mbox} per folder,
 * "From " lines quoted with '>'), which Thunderbird (ImportExportTools), mutt or Python's {@code mailbox} read.
 * The directory is readable only by the server's user: it holds someone's whole mail.
 */
public class MailboxMboxExporter {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    public record Export(Path directory, int messages) {
    }

    private final MailboxManager mailboxManager;

    @Inject
    public MailboxMboxExporter(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    public Export export(Username user, Path directory) throws Exception {
        Files.createDirectories(directory.getParent());
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        MailboxSession session = mailboxManager.createSystemSession(user);
        int messages = 0;
        try {
            for (MailboxPath path : mailboxManager.list(session)) {
                if (!path.belongsTo(session)) {
                    continue;
                }
                Path file = directory.resolve(fileName(path.getName()));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                    messages += writeMailbox(mailboxManager.getMailbox(path, session), session, out);
                }
            }
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
        return new Export(directory, messages);
    }

    private static int writeMailbox(MessageManager mailbox, MailboxSession session, OutputStream out) throws Exception {
        int count = 0;
        MessageResultIterator results = mailbox.getMessages(MessageRange.all(), FetchGroup.FULL_CONTENT, session);
        while (results.hasNext()) {
            MessageResult message = results.next();
            ZonedDateTime received = message.getInternalDate().toInstant().atZone(ZoneOffset.UTC);
            out.write(("From MAILER-DAEMON " + ASCTIME.format(received) + "\n").getBytes(StandardCharsets.US_ASCII));
            try (InputStream content = message.getFullContent().getInputStream()) {
                writeQuoted(content, out);
            }
            out.write('\n');
            count++;
        }
        return count;
    }

    /** Copies the message with LF line ends, quoting lines that start with ">*From " (mboxrd). */
    static void writeQuoted(InputStream content, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        boolean endedWithNewline = true;
        while ((next = content.read()) != -1) {
            if (next == '\n') {
                writeLine(line.toByteArray(), out);
                line.reset();
                endedWithNewline = true;
            } else {
                line.write(next);
                endedWithNewline = false;
            }
        }
        if (!endedWithNewline) {
            writeLine(line.toByteArray(), out);
        }
    }

    private static void writeLine(byte[] bytes, OutputStream out) throws IOException {
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        int start = 0;
        while (start < length && bytes[start] == '>') {
            start++;
        }
        if (length - start >= 5 && new String(bytes, start, 5, StandardCharsets.US_ASCII).equals("From ")) {
            out.write('>');
        }
        out.write(bytes, 0, length);
        out.write('\n');
    }

    /** "INBOX" → INBOX.mbox, "Công văn.2026" → Công văn.2026.mbox; path separators cannot escape the directory. */
    static String fileName(String mailboxName) {
        return mailboxName.replace('/', '_').replace('\\', '_').replaceFirst("^\\.+", "_") + ".mbox";
    }
}

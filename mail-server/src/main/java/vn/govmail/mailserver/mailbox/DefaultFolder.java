package vn.govmail.mailserver.mailbox;

import java.util.Arrays;
import java.util.Optional;

import org.apache.james.imap.api.process.MailboxType;

/**
 * The folders every govmail user has, with their SPECIAL-USE role (RFC 6154). IMAP names stay English so
 * that Outlook and Thunderbird recognise them; the webmail shows the Vietnamese label.
 */
public enum DefaultFolder {
    INBOX("INBOX", "Hộp thư đến", MailboxType.INBOX),
    SENT("Sent", "Thư đã gửi", MailboxType.SENT),
    DRAFTS("Drafts", "Thư nháp", MailboxType.DRAFTS),
    TRASH("Trash", "Thùng rác", MailboxType.TRASH),
    JUNK("Junk", "Thư rác", MailboxType.SPAM),
    ARCHIVE("Archive", "Lưu trữ", MailboxType.ARCHIVE);

    private final String imapName;
    private final String vietnameseLabel;
    private final MailboxType type;

    DefaultFolder(String imapName, String vietnameseLabel, MailboxType type) {
        this.imapName = imapName;
        this.vietnameseLabel = vietnameseLabel;
        this.type = type;
    }

    public String imapName() {
        return imapName;
    }

    public String vietnameseLabel() {
        return vietnameseLabel;
    }

    public MailboxType type() {
        return type;
    }

    /** Top-level folder names only: {@code INBOX} case-insensitively (RFC 3501), the others exactly. */
    public static Optional<DefaultFolder> fromImapName(String name) {
        if (name.equalsIgnoreCase(INBOX.imapName)) {
            return Optional.of(INBOX);
        }
        if (name.equals("Spam")) {
            return Optional.of(JUNK); // what older James versions and some clients create
        }
        return Arrays.stream(values()).filter(folder -> folder.imapName.equals(name)).findFirst();
    }
}

package vn.govmail.webmail.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import org.eclipse.angus.mail.imap.IMAPFolder;

/** Flag changes and moves on a selection of messages, addressed by UID so that concurrent changes cannot hit the wrong message. */
public class MessageActions {
    private final MailAccount account;
    private final FolderService folders;

    public MessageActions(MailAccount account) {
        this.account = account;
        this.folders = new FolderService(account);
    }

    public void markSeen(String folder, Collection<Long> uids, boolean seen) throws MessagingException {
        setFlag(folder, uids, Flags.Flag.SEEN, seen);
    }

    public void markFlagged(String folder, Collection<Long> uids, boolean flagged) throws MessagingException {
        setFlag(folder, uids, Flags.Flag.FLAGGED, flagged);
    }

    private void setFlag(String folderName, Collection<Long> uids, Flags.Flag flag, boolean value) throws MessagingException {
        synchronized (account) {
            IMAPFolder folder = account.open(folderName);
            folder.setFlags(messages(folder, uids), new Flags(flag), value);
        }
    }

    /** MOVE (RFC 6851) where the server has it, else COPY + \Deleted + UID EXPUNGE. */
    public void move(String fromFolder, Collection<Long> uids, String toFolder) throws MessagingException {
        if (fromFolder.equals(toFolder) || uids.isEmpty()) {
            return;
        }
        synchronized (account) {
            IMAPFolder folder = account.open(fromFolder);
            Message[] messages = messages(folder, uids);
            Folder target = account.folder(toFolder);
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            if (folder.getStore() instanceof org.eclipse.angus.mail.imap.IMAPStore store && store.hasCapability("MOVE")) {
                folder.moveMessages(messages, target);
            } else {
                folder.copyMessages(messages, target);
                folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                folder.expunge(messages);
            }
        }
    }

    /** Delete = move to Trash; in Trash itself, delete for good. */
    public void delete(String folderName, Collection<Long> uids) throws MessagingException {
        String trash = folders.folderFor(FolderRole.TRASH);
        if (!folderName.equals(trash)) {
            move(folderName, uids, trash);
            return;
        }
        synchronized (account) {
            IMAPFolder folder = account.open(folderName);
            Message[] messages = messages(folder, uids);
            folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            folder.expunge(messages);
        }
    }

    /** "Spam": to Junk. The spam filter learns from the move. */
    public void markSpam(String folderName, Collection<Long> uids) throws MessagingException {
        move(folderName, uids, folders.folderFor(FolderRole.JUNK));
    }

    /** "Not spam": from Junk back to the inbox. */
    public void markNotSpam(String folderName, Collection<Long> uids) throws MessagingException {
        move(folderName, uids, "INBOX");
    }

    private static Message[] messages(IMAPFolder folder, Collection<Long> uids) throws MessagingException {
        long[] ids = uids.stream().mapToLong(Long::longValue).toArray();
        return Arrays.stream(folder.getMessagesByUID(ids)).filter(Objects::nonNull).toArray(Message[]::new);
    }
}

package vn.govmail.webmail.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.search.MessageIDTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Finds a mail in the user's mailbox by its Message-ID (IMAP SEARCH HEADER Message-ID), e.g. the mail a registered
 * document arrived in: INBOX first, then the other folders (the văn thư may have filed it), Trash and Junk last.
 */
public class SourceMailLocator {
    private final MailAccount account;
    private final FolderService folders;

    public SourceMailLocator(MailAccount account) {
        this.account = account;
        this.folders = new FolderService(account);
    }

    public record Location(String folder, long uid) {
    }

    public Optional<Location> find(String messageId) throws MessagingException {
        if (messageId == null || messageId.isBlank()) {
            return Optional.empty();
        }
        String wanted = messageId.strip().startsWith("<") ? messageId.strip() : "<" + messageId.strip() + ">";
        List<String> names = new ArrayList<>(List.of("INBOX"));
        for (MailFolder folder : folders.folders()) {
            if (folder.selectable() && !folder.fullName().equals("INBOX")) {
                names.add(folder.fullName());
            }
        }
        synchronized (account) {
            for (String name : names) {
                // its own folder object: the folder the user has open in the mail view stays as it is
                IMAPFolder folder = account.folder(name);
                folder.open(Folder.READ_ONLY);
                try {
                    for (Message message : folder.search(new MessageIDTerm(wanted))) {
                        String[] ids = message.getHeader("Message-ID");
                        if (ids != null && ids.length > 0 && ids[0].strip().equalsIgnoreCase(wanted)) {
                            return Optional.of(new Location(name, folder.getUID(message)));
                        }
                    }
                } finally {
                    folder.close(false);
                }
            }
        }
        return Optional.empty();
    }
}

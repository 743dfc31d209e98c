package vn.govmail.webmail.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lists, creates, renames and deletes folders (IMAP LIST with SPECIAL-USE attributes, STATUS for the counts). */
public class FolderService {
    private final MailAccount account;

    public FolderService(MailAccount account) {
        this.account = account;
    }

    public List<MailFolder> folders() throws MessagingException {
        synchronized (account) {
            List<MailFolder> result = new ArrayList<>();
            for (Folder f : account.store().getDefaultFolder().list("*")) {
                IMAPFolder folder = (IMAPFolder) f;
                boolean selectable = (folder.getType() & Folder.HOLDS_MESSAGES) != 0;
                String full = folder.getFullName();
                char separator = folder.getSeparator();
                int cut = full.lastIndexOf(separator);
                String parent = cut > 0 ? full.substring(0, cut) : null;
                String name = cut > 0 ? full.substring(cut + 1) : full;
                int unread = selectable ? folder.getUnreadMessageCount() : 0;
                int total = selectable ? folder.getMessageCount() : 0;
                result.add(new MailFolder(full, name, parent, FolderRole.of(full, folder.getAttributes()), unread, total, selectable));
            }
            // Special-use folders first in their usual order, then the user's folders by name.
            result.sort(Comparator.comparing(MailFolder::role).thenComparing(MailFolder::fullName, String.CASE_INSENSITIVE_ORDER));
            return result;
        }
    }

    /** The full name of the folder with this role on the server (Sent, Trash...), falling back to its default name. */
    public String folderFor(FolderRole role) throws MessagingException {
        Optional<MailFolder> found = folders().stream().filter(f -> f.role() == role).findFirst();
        return found.map(MailFolder::fullName).orElse(role.defaultName());
    }

    public void create(String parent, String name) throws MessagingException {
        validateName(name);
        synchronized (account) {
            Folder folder = parent == null ? account.store().getFolder(name) : account.folder(parent).getFolder(name);
            if (folder.exists()) {
                throw new FolderException("folder.error.exists");
            }
            if (!folder.create(Folder.HOLDS_MESSAGES)) {
                throw new FolderException("folder.error.create");
            }
            folder.setSubscribed(true);
        }
    }

    public void rename(String fullName, String newName) throws MessagingException {
        validateName(newName);
        synchronized (account) {
            IMAPFolder folder = account.folder(fullName);
            protect(folder);
            String parent = fullName.contains(String.valueOf(folder.getSeparator()))
                ? fullName.substring(0, fullName.lastIndexOf(folder.getSeparator()) + 1) : "";
            Folder target = account.store().getFolder(parent + newName);
            if (target.exists()) {
                throw new FolderException("folder.error.exists");
            }
            if (folder.isOpen()) {
                folder.close(false);
            }
            if (!folder.renameTo(target)) {
                throw new FolderException("folder.error.rename");
            }
        }
    }

    public void delete(String fullName) throws MessagingException {
        synchronized (account) {
            IMAPFolder folder = account.folder(fullName);
            protect(folder);
            if (folder.isOpen()) {
                folder.close(false);
            }
            if (!folder.delete(true)) {
                throw new FolderException("folder.error.delete");
            }
        }
    }

    private static void protect(IMAPFolder folder) throws MessagingException {
        if (FolderRole.of(folder.getFullName(), folder.getAttributes()) != FolderRole.NONE) {
            throw new FolderException("folder.error.special");
        }
    }

    private static void validateName(String name) {
        // '.' is our server's hierarchy separator, '*' and '%' are LIST wildcards
        if (name == null || name.isBlank() || name.matches(".*[./*%\\\\].*") || name.length() > 200) {
            throw new FolderException("folder.error.name");
        }
    }

    /** A refusal the user can fix; the message is a translation key. */
    public static class FolderException extends RuntimeException {
        public FolderException(String key) {
            super(key);
        }
    }
}

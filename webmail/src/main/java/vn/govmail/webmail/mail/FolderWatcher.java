package vn.govmail.webmail.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.event.MessageCountListener;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IdleManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the UI when new mail arrives in the folder the user looks at: a second, read-only connection to the
 * folder sits in IMAP IDLE under the shared {@link IdleManager} (one selector thread for all users).
 */
public class FolderWatcher implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(FolderWatcher.class);
    private final MailAccount account;
    private final IdleManager idleManager;
    private final Runnable onNewMail;
    private IMAPFolder watched;

    public FolderWatcher(MailAccount account, IdleManager idleManager, Runnable onNewMail) {
        this.account = account;
        this.idleManager = idleManager;
        this.onNewMail = onNewMail;
    }

    public synchronized void watch(String folderName) {
        close();
        try {
            IMAPFolder folder = (IMAPFolder) account.store().getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            folder.addMessageCountListener(new MessageCountListener() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    onNewMail.run();
                    rewatch(folder);
                }

                @Override
                public void messagesRemoved(MessageCountEvent e) {
                    rewatch(folder);
                }
            });
            watched = folder;
            idleManager.watch(folder);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("cannot watch {} for new mail: {}", folderName, e.toString());
        }
    }

    private void rewatch(IMAPFolder folder) {
        try {
            if (folder == watched && folder.isOpen()) {
                idleManager.watch(folder);
            }
        } catch (MessagingException e) {
            LOGGER.debug("IDLE stopped on {}: {}", folder.getFullName(), e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (watched != null) {
            IMAPFolder folder = watched;
            watched = null;
            try {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            } catch (MessagingException | RuntimeException ignored) {
                // already gone
            }
        }
    }
}

package vn.govmail.webmail.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.imap.IMAPFolder;
import java.util.Arrays;
import vn.govmail.webmail.api.UserApiSession;

/**
 * One logged-in user: the IMAP store and the credentials, in memory only (needed to reconnect after a
 * server restart and to authenticate on the submission port). Not serializable on purpose: the web session
 * is never written to disk with the password in it.
 */
public final class MailAccount implements AutoCloseable {
    private final MailConnector connector;
    private final Session session;
    private final Store store;
    private final String user;
    private final char[] password;
    private IMAPFolder selected;
    private UserApiSession userApi;

    MailAccount(MailConnector connector, Session session, Store store, String user, char[] password) {
        this.connector = connector;
        this.session = session;
        this.store = store;
        this.user = user;
        this.password = password;
    }

    public String user() {
        return user;
    }

    public Session session() {
        return session;
    }

    public MailConnector connector() {
        return connector;
    }

    /** The connected store, reconnecting once if the server dropped the connection. */
    public synchronized Store store() throws MessagingException {
        if (!store.isConnected()) {
            store.connect(user, new String(password));
        }
        return store;
    }

    /** The folder the user is looking at, kept open read-write between requests. */
    public synchronized IMAPFolder open(String fullName) throws MessagingException {
        if (selected != null && selected.getFullName().equals(fullName) && selected.isOpen()) {
            return selected;
        }
        if (selected != null && selected.isOpen()) {
            try {
                selected.close(false);
            } catch (MessagingException ignored) {
                // the connection is gone anyway
            }
        }
        IMAPFolder folder = (IMAPFolder) store().getFolder(fullName);
        folder.open(Folder.READ_WRITE);
        selected = folder;
        return folder;
    }

    /** Re-selects the folder so that message numbers and counts are the server's current ones. */
    public synchronized IMAPFolder reopen(String fullName) throws MessagingException {
        if (selected != null && selected.isOpen()) {
            try {
                selected.close(false);
            } catch (MessagingException ignored) {
                // re-opened below
            }
        }
        selected = null;
        return open(fullName);
    }

    public synchronized IMAPFolder folder(String fullName) throws MessagingException {
        return (IMAPFolder) store().getFolder(fullName);
    }

    /** An authenticated submission connection (caller closes it). */
    public Transport transport() throws MessagingException {
        return connector.transport(session, user, password);
    }

    /** This user's session with the mail server's user API (directory, quarantine, documents), opened at first use. */
    public synchronized UserApiSession userApi() {
        if (userApi == null) {
            userApi = new UserApiSession(connector.platformHttp(), connector.settings().platformApi(), user, password);
        }
        return userApi;
    }

    /** The password, for the ManageSieve login; callers must not keep it. */
    char[] password() {
        return password.clone();
    }

    @Override
    public synchronized void close() {
        try {
            if (selected != null && selected.isOpen()) {
                selected.close(false);
            }
            store.close();
        } catch (MessagingException ignored) {
            // logging out: nothing left to do with a broken connection
        } finally {
            if (userApi != null) {
                userApi.close();
            }
            Arrays.fill(password, '\0');
        }
    }
}

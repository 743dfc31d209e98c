package vn.govmail.webmail.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.UserPreferences;

/** The logged-in account of a Vaadin session (memory only: Vaadin sessions are not persisted to disk here). */
public final class UserSession {
    private static final String ACCOUNT = "govmail.account";
    private static final String PREFERENCES = "govmail.preferences";

    private UserSession() {
    }

    public static Optional<MailAccount> account() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((MailAccount) session.getAttribute(ACCOUNT));
    }

    public static MailAccount require() {
        return account().orElseThrow(() -> new IllegalStateException("not logged in"));
    }

    public static void start(MailAccount account, UserPreferences preferences) {
        VaadinSession.getCurrent().setAttribute(ACCOUNT, account);
        VaadinSession.getCurrent().setAttribute(PREFERENCES, preferences);
    }

    public static UserPreferences preferences() {
        return (UserPreferences) VaadinSession.getCurrent().getAttribute(PREFERENCES);
    }

    /** Closes the IMAP connection and forgets the credentials. */
    public static void end(VaadinSession session) {
        Object account = session.getAttribute(ACCOUNT);
        session.setAttribute(ACCOUNT, null);
        session.setAttribute(PREFERENCES, null);
        if (account instanceof MailAccount mail) {
            mail.close();
        }
    }
}

package vn.govmail.mailserver.imap;

/**
 * Carries "this login was refused because the password must be changed" from {@link LoginAuditingAuthenticator} to
 * the NO answer {@link GovmailImapProcessor} writes: James's login processors call the authenticator and answer the
 * failure on the same thread, and the authenticator has no other way to reach the answer.
 */
public final class PasswordChangeRefusal {
    private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

    private PasswordChangeRefusal() {
    }

    static void mark() {
        REFUSED.set(Boolean.TRUE);
    }

    /** Whether the last login on this thread was refused for that reason; forgets it. */
    public static boolean take() {
        boolean refused = REFUSED.get() != null;
        REFUSED.remove();
        return refused;
    }
}

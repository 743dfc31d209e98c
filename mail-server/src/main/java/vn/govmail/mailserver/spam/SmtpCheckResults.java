package vn.govmail.mailserver.spam;

import java.util.List;
import java.util.Optional;

import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * What the SMTP-time checks found, kept in the SMTP session so that the end-of-DATA pipeline uses it instead
 * of asking DNS again: the DNSBL listings of the connection, the SPF result of the transaction.
 */
final class SmtpCheckResults {
    /** The zones listing the client (empty: none); absent when not checked or no opinion. */
    record Listings(List<String> zones) {
    }

    private static final AttachmentKey<Listings> DNSBL = AttachmentKey.of("govmail.spam.dnsbl", Listings.class);
    private static final AttachmentKey<String> SPF = AttachmentKey.of("govmail.spam.spf", String.class);

    private SmtpCheckResults() {
    }

    static void dnsbl(SMTPSession session, List<String> zones) {
        session.setAttachment(DNSBL, new Listings(List.copyOf(zones)), State.Connection);
    }

    static Optional<List<String>> dnsbl(SMTPSession session) {
        return session.getAttachment(DNSBL, State.Connection).map(Listings::zones);
    }

    static void spf(SMTPSession session, String result) {
        session.setAttachment(SPF, result, State.Transaction);
    }

    static Optional<String> spf(SMTPSession session) {
        return session.getAttachment(SPF, State.Transaction);
    }

    /** The client's address, or empty when the transport does not tell. */
    static Optional<java.net.InetAddress> client(SMTPSession session) {
        var remote = session.getRemoteAddress();
        return remote == null ? Optional.empty() : Optional.ofNullable(remote.getAddress());
    }
}

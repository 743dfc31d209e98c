package vn.govmail.mailserver.smtp;

import org.apache.james.protocols.api.ProtocolTransport;
import org.apache.james.protocols.smtp.SMTPConfiguration;
import org.apache.james.smtpserver.ExtendedSMTPSession;

/**
 * James's SMTP session, except that STARTTLS does not switch off command-injection detection at once. James 3.8.1 does
 * it as soon as the reply to STARTTLS is handed to the transport; with the commands handled off the event loop
 * ({@link GovmailSmtpServer}) the TLS handler is only installed a moment later, and clear-text lines a client (or a man
 * in the middle) sent after STARTTLS would be read in that moment and run as if they had come through TLS
 * (CVE-2011-0411). Detection stays on until {@link StartTlsOnEventLoopTransport} reports the TLS handler in place and
 * every byte read before it handled: James's framer then refuses those bytes and closes the connection.
 */
class StartTlsGuardedSession extends ExtendedSMTPSession {
    private volatile boolean tlsHandlerPending;

    StartTlsGuardedSession(SMTPConfiguration configuration, ProtocolTransport transport) {
        super(configuration, transport);
    }

    /** Called when the STARTTLS reply is written: detection must outlive James's request to stop it. */
    void tlsHandlerPending() {
        tlsHandlerPending = true;
    }

    /** Called on the handler thread once the TLS handler is in place and every clear-text byte before it was framed. */
    void tlsHandlerInstalled() {
        tlsHandlerPending = false;
        super.stopDetectingCommandInjection();
    }

    @Override
    public void stopDetectingCommandInjection() {
        if (!tlsHandlerPending) {
            super.stopDetectingCommandInjection();
        }
    }
}

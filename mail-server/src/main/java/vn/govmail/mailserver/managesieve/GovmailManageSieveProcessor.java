package vn.govmail.mailserver.managesieve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.managesieve.api.ManageSieveException;
import org.apache.james.managesieve.api.Session;
import org.apache.james.managesieve.transcode.ArgumentParser;
import org.apache.james.managesieve.transcode.ManageSieveProcessor;
import org.apache.james.managesieve.transcode.NotEnoughDataException;
import org.apache.james.sieverepository.api.exception.SieveRepositoryException;

/**
 * James's ManageSieve command processor with corrections:
 * <ul>
 * <li>CAPABILITY no longer lists STARTTLS once the connection is encrypted;</li>
 * <li>it is refused on a connection that is not encrypted (James 3.8.1 would accept a plaintext password on port
 * 4190), with the RFC 5804 response code ENCRYPT-NEEDED so that clients know to issue STARTTLS;</li>
 * <li>an initial response sent as a literal ({@code AUTHENTICATE "PLAIN" {52+}} then the base64 line, as
 * sieve-connect and other RFC 5804 clients do) is accepted: James only understands the quoted form.</li>
 * </ul>
 */
final class GovmailManageSieveProcessor extends ManageSieveProcessor {
    private static final String STARTTLS_CAPABILITY = "\"STARTTLS\"\r\n";
    static final String ENCRYPT_NEEDED = "NO (ENCRYPT-NEEDED) \"Issue STARTTLS before AUTHENTICATE\"\r\n";
    private static final Pattern LITERAL_INITIAL_RESPONSE =
        Pattern.compile("(?is)\\s*AUTHENTICATE\\s+(\"[^\"]*\")\\s+\\{(\\d{1,6})\\+?}\\r?\\n(.*)");

    GovmailManageSieveProcessor(ArgumentParser argumentParser) {
        super(argumentParser);
    }

    /** Once TLS is on, STARTTLS is no longer offered (RFC 5804 section 1.7); James lists it regardless. */
    static String withoutStartTlsOnceEncrypted(Session session, String capabilities) {
        return session.isSslEnabled() ? capabilities.replace(STARTTLS_CAPABILITY, "") : capabilities;
    }

    @Override
    public String handleRequest(Session session, String request) throws ManageSieveException, SieveRepositoryException {
        if (session.getState() == Session.State.AUTHENTICATION_IN_PROGRESS) {
            return super.handleRequest(session, request);
        }
        String command = command(request);
        if (command.equalsIgnoreCase(CAPABILITY)) {
            return withoutStartTlsOnceEncrypted(session, super.handleRequest(session, request));
        }
        if (!command.equalsIgnoreCase(AUTHENTICATE)) {
            return super.handleRequest(session, request);
        }
        if (!session.isSslEnabled()) {
            return ENCRYPT_NEEDED;
        }
        return super.handleRequest(session, withQuotedInitialResponse(request));
    }

    private static String command(String request) {
        return request.stripLeading().split("\\s", 2)[0];
    }

    /**
     * Rewrites {@code AUTHENTICATE "MECH" {n+}CRLF data} to {@code AUTHENTICATE "MECH" "data"}; asks the channel
     * handler for more lines while the literal is incomplete. The SASL data is base64, so characters are bytes.
     */
    private static String withQuotedInitialResponse(String request) {
        Matcher literal = LITERAL_INITIAL_RESPONSE.matcher(request);
        if (!literal.matches()) {
            return request;
        }
        int length = Integer.parseInt(literal.group(2));
        String data = literal.group(3);
        if (data.length() < length || !data.endsWith("\n")) {
            throw new NotEnoughDataException();
        }
        return "AUTHENTICATE " + literal.group(1) + " \"" + data.substring(0, length) + "\"";
    }
}

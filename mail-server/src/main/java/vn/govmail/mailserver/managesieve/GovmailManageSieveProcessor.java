package vn.govmail.mailserver.managesieve;

import java.nio.charset.StandardCharsets;
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
 * <li>the answer to a "+" continuation may be a quoted or literal string, or "*" to abort, as RFC 5804 says;</li>
 * <li>script literals (PUTSCRIPT, CHECKSCRIPT, GETSCRIPT) are sized in octets, as RFC 5804 says, not in
 * characters (Vietnamese scripts);</li>
 * <li>an initial response sent as a literal ({@code AUTHENTICATE "PLAIN" {52+}} then the base64 line, as
 * sieve-connect and other RFC 5804 clients do) is accepted: James only understands the quoted form.</li>
 * </ul>
 */
final class GovmailManageSieveProcessor extends ManageSieveProcessor {
    private static final String STARTTLS_CAPABILITY = "\"STARTTLS\"\r\n";
    static final String ENCRYPT_NEEDED = "NO (ENCRYPT-NEEDED) \"Issue STARTTLS before AUTHENTICATE\"\r\n";
    private static final Pattern LITERAL_INITIAL_RESPONSE =
        Pattern.compile("(?is)\\s*AUTHENTICATE\\s+(\"[^\"]*\")\\s+\\{(\\d{1,6})\\+?}\\r?\\n(.*)");

    private static final Pattern LITERAL = Pattern.compile("(?s)\\{(\\d{1,6})\\+?}\\r?\\n(.*)");

    private static final Pattern SCRIPT_LITERAL =
        Pattern.compile("(?is)(\\s*(?:PUTSCRIPT|CHECKSCRIPT)\\b[^\\r\\n]*?)\\{(\\d{1,9})(\\+?)}(\\r?\\n)(.*)");

    private static final Pattern ANSWER_LITERAL = Pattern.compile("(?s)\\{(\\d{1,9})}\\r\\n(.*)");

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
            return saslContinuation(session, request);
        }
        String command = command(request);
        if (command.equalsIgnoreCase(CAPABILITY)) {
            return withoutStartTlsOnceEncrypted(session, super.handleRequest(session, request));
        }
        if (command.equalsIgnoreCase(GETSCRIPT)) {
            return withAnswerSizeInOctets(super.handleRequest(session, request));
        }
        if (command.equalsIgnoreCase(PUTSCRIPT) || command.equalsIgnoreCase(CHECKSCRIPT)) {
            return super.handleRequest(session, withLiteralSizeInCharacters(request));
        }
        if (!command.equalsIgnoreCase(AUTHENTICATE)) {
            return super.handleRequest(session, request);
        }
        if (!session.isSslEnabled()) {
            return ENCRYPT_NEEDED;
        }
        return super.handleRequest(session, withQuotedInitialResponse(request));
    }

    /**
     * The client's answer to the server's "+" continuation is a string (RFC 5804 2.1), quoted or literal, or "*" to
     * abort. James only reads it when it is a bare word after some other word, and stays in the middle of the
     * authentication after a failure; here the string is unwrapped and the state reset when it fails.
     */
    private String saslContinuation(Session session, String request) throws ManageSieveException, SieveRepositoryException {
        String data = request.strip();
        Matcher literal = LITERAL.matcher(request.stripLeading());
        if (literal.matches()) {
            int length = Integer.parseInt(literal.group(1));
            if (literal.group(2).length() < length || !literal.group(2).endsWith("\n")) {
                throw new NotEnoughDataException();
            }
            data = literal.group(2).substring(0, length);
        } else if (data.length() >= 2 && data.startsWith("\"") && data.endsWith("\"")) {
            data = data.substring(1, data.length() - 1);
        }
        if (data.equals("*")) {
            session.setState(Session.State.UNAUTHENTICATED);
            return "NO \"Authentication aborted\"\r\n";
        }
        String answer = super.handleRequest(session, AUTHENTICATE + " " + data);
        if (session.getState() == Session.State.AUTHENTICATION_IN_PROGRESS) {
            session.setState(Session.State.UNAUTHENTICATED);
        }
        return answer;
    }

    /**
     * A script literal {@code {n+}} counts octets (RFC 5804), James compares n with the number of characters it
     * has: a script with Vietnamese letters (2 or 3 octets each in UTF-8) would make it wait for data that never
     * comes. Waits here until n octets arrived, then gives James the size in characters.
     */
    private static String withLiteralSizeInCharacters(String request) {
        Matcher literal = SCRIPT_LITERAL.matcher(request);
        if (!literal.matches()) {
            return request;
        }
        int octets = Integer.parseInt(literal.group(2));
        byte[] content = literal.group(5).getBytes(StandardCharsets.UTF_8);
        if (content.length < octets) {
            throw new NotEnoughDataException();
        }
        int characters = new String(content, 0, octets, StandardCharsets.UTF_8).length();
        return literal.group(1) + "{" + characters + literal.group(3) + "}" + literal.group(4) + literal.group(5);
    }

    /** The other direction: James sizes the GETSCRIPT literal in characters, clients read that many octets. */
    private static String withAnswerSizeInOctets(String answer) {
        Matcher literal = ANSWER_LITERAL.matcher(answer);
        if (!literal.matches()) {
            return answer;
        }
        int characters = Integer.parseInt(literal.group(1));
        String rest = literal.group(2);
        if (rest.length() < characters) {
            return answer;
        }
        int octets = rest.substring(0, characters).getBytes(StandardCharsets.UTF_8).length;
        return "{" + octets + "}\r\n" + rest;
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

package vn.govmail.spamfilter;

import java.util.List;

/**
 * What the SMTP server knew about a message before its body: who connected, what they said, how.
 *
 * @param clientIp      the connecting client's IP address (textual)
 * @param helo          the HELO/EHLO argument, may be empty
 * @param mailFrom      the MAIL FROM reverse path without brackets, empty for the null sender
 * @param rcptTo        the accepted RCPT TO addresses
 * @param authenticated the client authenticated (submission)
 * @param tls           the session was encrypted
 */
public record SmtpEnvelope(String clientIp, String helo, String mailFrom, List<String> rcptTo,
                           boolean authenticated, boolean tls) {
    public SmtpEnvelope {
        helo = helo == null ? "" : helo;
        mailFrom = mailFrom == null ? "" : mailFrom;
        rcptTo = List.copyOf(rcptTo);
    }

    /** The domain part of MAIL FROM, lower case, or empty for the null sender. */
    public String mailFromDomain() {
        int at = mailFrom.lastIndexOf('@');
        return at < 0 ? "" : mailFrom.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}

package vn.govmail.spamfilter;

import java.util.List;

/**
 * What the SMTP server knew about a message before its body: who connected, what they said, how, and what
 * the SMTP-time checks already found out (so the pipeline does not ask DNS twice).
 *
 * @param clientIp       the connecting client's IP address (textual)
 * @param helo           the HELO/EHLO argument, may be empty
 * @param mailFrom       the MAIL FROM reverse path without brackets, empty for the null sender
 * @param rcptTo         the accepted RCPT TO addresses
 * @param authenticated  the client authenticated (submission)
 * @param tls            the session was encrypted
 * @param spfResult      the SPF result found at MAIL FROM ({@code pass}, {@code fail}, …), or null if SPF was not
 *                       checked there (then the pipeline's SPF step looks it up)
 * @param dnsblListings  the DNSBL zones that listed the client at connect (empty: listed nowhere), or null if
 *                       they were not asked there
 */
public record SmtpEnvelope(String clientIp, String helo, String mailFrom, List<String> rcptTo,
                           boolean authenticated, boolean tls, String spfResult, List<String> dnsblListings) {
    public SmtpEnvelope {
        helo = helo == null ? "" : helo;
        mailFrom = mailFrom == null ? "" : mailFrom;
        rcptTo = List.copyOf(rcptTo);
        dnsblListings = dnsblListings == null ? null : List.copyOf(dnsblListings);
    }

    /** An envelope no SMTP-time check has looked at. */
    public SmtpEnvelope(String clientIp, String helo, String mailFrom, List<String> rcptTo, boolean authenticated, boolean tls) {
        this(clientIp, helo, mailFrom, rcptTo, authenticated, tls, null, null);
    }

    /** The same envelope carrying what the SMTP-time checks found (null = not checked). */
    public SmtpEnvelope withSmtpChecks(String spf, List<String> listings) {
        return new SmtpEnvelope(clientIp, helo, mailFrom, rcptTo, authenticated, tls, spf, listings);
    }

    /** The domain part of MAIL FROM, lower case, or empty for the null sender. */
    public String mailFromDomain() {
        int at = mailFrom.lastIndexOf('@');
        return at < 0 ? "" : mailFrom.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}

package vn.govmail.spamfilter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** Builders of test messages and settings. */
final class Messages {
    private Messages() {
    }

    static byte[] plain(String from, String to, String subject, String body) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nDate: Mon, 02 Nov 2026 08:15:00 +0700\r\nMessage-ID: <" + Math.abs((from + subject + body).hashCode()) + "@test>"
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static SmtpEnvelope external(String ip, String helo, String mailFrom, String rcpt) {
        return new SmtpEnvelope(ip, helo, mailFrom, List.of(rcpt), false, false);
    }

    /** Settings with DNS at the stub (or at a closed port when stubPort is 0) and no database. */
    static Properties settings(int stubPort) {
        Properties properties = new Properties();
        properties.setProperty("spam.dns.server", "127.0.0.1");
        properties.setProperty("spam.dns.port", Integer.toString(stubPort == 0 ? 9 : stubPort));
        properties.setProperty("spam.dns.timeout.ms", "500");
        properties.setProperty("spam.local.domains", "laichau.gov.vn");
        properties.setProperty("spam.authserv.id", "mx.laichau.gov.vn");
        return properties;
    }
}

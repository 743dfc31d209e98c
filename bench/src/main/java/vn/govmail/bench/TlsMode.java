package vn.govmail.bench;

import java.util.Locale;

/** How the IMAP client secures its connection before LOGIN. */
enum TlsMode {
    NONE, STARTTLS, IMPLICIT;

    static TlsMode parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--imap-tls must be none, starttls or implicit, not '" + text + "'");
        }
    }
}

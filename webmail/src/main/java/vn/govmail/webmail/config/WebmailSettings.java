package vn.govmail.webmail.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the webmail finds the mail server and how it talks to it. Read from the same {@code GOVMAIL_*}
 * environment variables as the mail server (so {@code ./govmail start} needs no second configuration), with
 * Spring properties {@code govmail.webmail.*} able to override each value in tests.
 */
public record WebmailSettings(
    String imapHost,
    int imapPort,
    Security imapSecurity,
    String smtpHost,
    int submissionPort,
    Security smtpSecurity,
    Optional<Path> trustedCertificate,
    int manageSievePort,
    Duration loginThrottleWindow,
    int maxAttachmentBytes,
    URI platformApi) {

    /** How a connection is protected. NONE exists for tests against GreenMail on loopback only. */
    public enum Security { STARTTLS, TLS, NONE }

    public static WebmailSettings fromEnvironment(Map<String, String> env) {
        boolean devPorts = Boolean.parseBoolean(env.getOrDefault("GOVMAIL_DEV_PORTS", "false"));
        String host = env.getOrDefault("GOVMAIL_WEBMAIL_MAIL_HOST", "127.0.0.1");
        return new WebmailSettings(
            host,
            port(env, "GOVMAIL_IMAP_PORT", 143, devPorts),
            Security.valueOf(env.getOrDefault("GOVMAIL_WEBMAIL_IMAP_SECURITY", "STARTTLS").toUpperCase()),
            host,
            port(env, "GOVMAIL_SUBMISSION_PORT", 587, devPorts),
            Security.valueOf(env.getOrDefault("GOVMAIL_WEBMAIL_SMTP_SECURITY", "STARTTLS").toUpperCase()),
            certificate(env),
            port(env, "GOVMAIL_MANAGESIEVE_PORT", 4190, devPorts),
            Duration.ofMinutes(15),
            Integer.parseInt(env.getOrDefault("GOVMAIL_WEBMAIL_MAX_ATTACHMENT_MB", "25")) * 1024 * 1024,
            platformApi(env));
    }

    /**
     * The mail server's HTTP API (WebAdmin, loopback): GOVMAIL_ADMIN_URL, else http://127.0.0.1:GOVMAIL_ADMIN_PORT/
     * (8000 by default), as the admin CLI finds it. The webmail uses only its user routes, with each user's session.
     */
    private static URI platformApi(Map<String, String> env) {
        String url = env.get("GOVMAIL_ADMIN_URL");
        if (url == null || url.isBlank()) {
            url = "http://127.0.0.1:" + env.getOrDefault("GOVMAIL_ADMIN_PORT", "8000") + "/";
        }
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    private static int port(Map<String, String> env, String name, int standard, boolean devPorts) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            return Integer.parseInt(value.trim());
        }
        return devPorts && standard < 1024 ? standard + 10000 : standard;
    }

    /**
     * The certificate the mail server presents: GOVMAIL_WEBMAIL_TRUST_CERT, else the mail server's own PEM chain
     * (GOVMAIL_TLS_CERT), else the self-signed one the mail server generates in its data directory (it may not
     * exist yet when both start together: it is read at the first connection). {@code system} = the JDK's CA
     * store (a mail server reached by its public name with a CA-issued certificate).
     */
    private static Optional<Path> certificate(Map<String, String> env) {
        String explicit = env.get("GOVMAIL_WEBMAIL_TRUST_CERT");
        if ("system".equalsIgnoreCase(explicit)) {
            return Optional.empty();
        }
        if (explicit == null || explicit.isBlank()) {
            explicit = env.get("GOVMAIL_TLS_CERT");
        }
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        return Optional.of(Path.of(env.getOrDefault("GOVMAIL_DATA", "data"), "tls", "selfsigned-cert.pem"));
    }

    public WebmailSettings withImap(int port, Security security) {
        return new WebmailSettings(imapHost, port, security, smtpHost, submissionPort, smtpSecurity, trustedCertificate,
            manageSievePort, loginThrottleWindow, maxAttachmentBytes, platformApi);
    }

    public WebmailSettings withSmtp(int port, Security security) {
        return new WebmailSettings(imapHost, imapPort, imapSecurity, smtpHost, port, security, trustedCertificate,
            manageSievePort, loginThrottleWindow, maxAttachmentBytes, platformApi);
    }

    public WebmailSettings withManageSieve(int port) {
        return new WebmailSettings(imapHost, imapPort, imapSecurity, smtpHost, submissionPort, smtpSecurity, trustedCertificate,
            port, loginThrottleWindow, maxAttachmentBytes, platformApi);
    }
}

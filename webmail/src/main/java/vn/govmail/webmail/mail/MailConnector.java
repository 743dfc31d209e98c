package vn.govmail.webmail.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import vn.govmail.webmail.config.WebmailSettings;
import vn.govmail.webmail.config.WebmailSettings.Security;

/** Opens authenticated IMAP and submission connections to the mail server with the configured TLS. */
public class MailConnector {
    private final WebmailSettings settings;
    private SSLSocketFactory tls;
    private final HttpClient platformHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public MailConnector(WebmailSettings settings) {
        this.settings = settings;
    }

    public WebmailSettings settings() {
        return settings;
    }

    /** One HTTP client (connection pool) for every user's calls to the mail server's user API. */
    public HttpClient platformHttp() {
        return platformHttp;
    }

    /** Read at the first TLS connection, not at start: the mail server may still be generating its certificate. */
    public synchronized SSLSocketFactory tls() {
        if (tls == null) {
            tls = ServerTrust.socketFactory(settings.trustedCertificate());
        }
        return tls;
    }

    public Session session() {
        Properties p = new Properties();
        String imap = settings.imapSecurity() == Security.TLS ? "imaps" : "imap";
        p.put("mail.store.protocol", imap);
        protocol(p, imap, settings.imapHost(), settings.imapPort(), settings.imapSecurity());
        p.put("mail." + imap + ".usesocketchannels", "true"); // IdleManager needs them
        p.put("mail." + imap + ".fetchsize", "65536");
        p.put("mail." + imap + ".connectionpoolsize", "2");
        String smtp = settings.smtpSecurity() == Security.TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", smtp);
        protocol(p, smtp, settings.smtpHost(), settings.submissionPort(), settings.smtpSecurity());
        p.put("mail." + smtp + ".auth", "true");
        Session session = Session.getInstance(p);
        session.setDebug(Boolean.getBoolean("govmail.mail.debug")); // protocol trace for troubleshooting (contains no password: AUTH is base64 but LOGIN is not — never enable in production)
        return session;
    }

    private void protocol(Properties p, String protocol, String host, int port, Security security) {
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", host);
        p.put(prefix + "port", Integer.toString(port));
        p.put(prefix + "connectiontimeout", "10000");
        p.put(prefix + "timeout", "60000");
        if (security != Security.NONE) {
            p.put(prefix + "ssl.socketFactory", tls());
            // With a pinned certificate file the trust is that exact certificate (the mail server may be reached as
            // 127.0.0.1 while its certificate names mail.<province>.gov.vn); with the CA store, names must match.
            p.put(prefix + "ssl.checkserveridentity", Boolean.toString(settings.trustedCertificate().isEmpty()));
        }
        if (security == Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        } else if (security == Security.TLS) {
            p.put(prefix + "ssl.enable", "true");
        }
    }

    /** Logs in over IMAP; the credentials are then kept only in memory by the returned account. */
    public MailAccount login(String user, char[] password) throws MessagingException {
        Session session = session();
        Store store = session.getStore();
        try {
            store.connect(user, new String(password));
        } catch (AuthenticationFailedException e) {
            throw e;
        }
        return new MailAccount(this, session, store, user, password.clone());
    }

    Transport transport(Session session, String user, char[] password) throws MessagingException {
        Transport transport = session.getTransport();
        transport.connect(user, new String(password));
        return transport;
    }
}

package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production mode: the server on the machine's PostgreSQL (127.0.0.1:5432, or GOVMAIL_TEST_PG_URL) in a
 * throwaway database created for this run and dropped afterwards.
 */
class ExternalPostgresIT {
    private static final String ADMIN_URL = System.getenv().getOrDefault("GOVMAIL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getenv().getOrDefault("GOVMAIL_TEST_PG_USER", "postgres");
    private static final String DATABASE = "govmail_it_" + Long.toHexString(System.nanoTime());
    private static final String PRODUCTION_HOST = "mail.laichau.gov.vn";
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, PG_USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        }
        String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + DATABASE;
        // Production TLS: a PEM chain and key as a CA hands them over (made here with openssl).
        Path tls = Files.createTempDirectory("govmail-pem");
        ExternalCommand openssl = ExternalCommand.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=" + PRODUCTION_HOST, "-addext", "subjectAltName=DNS:" + PRODUCTION_HOST + ",IP:127.0.0.1", "-keyout", tls.resolve("privkey.pem").toString(), "-out", tls.resolve("fullchain.pem").toString()));
        assertThat(openssl.exitCode()).as(openssl.output()).isZero();
        server = MailServerProcess.start("external-pg", Map.of("GOVMAIL_DB_URL", url, "GOVMAIL_DB_USER", PG_USER,
            "GOVMAIL_HOSTNAME", PRODUCTION_HOST,
            "GOVMAIL_TLS_CERT", tls.resolve("fullchain.pem").toString(), "GOVMAIL_TLS_KEY", tls.resolve("privkey.pem").toString()));
    }

    @AfterAll
    static void stopServerAndDropDatabase() throws Exception {
        if (server != null) {
            server.close();
        }
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, PG_USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void mailAndAccountsLiveInTheConfiguredDatabaseAndSurviveRestart() throws Exception {
        assertThat(server.log()).contains("Using the external PostgreSQL at jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        assertThat(server.workDirectory().resolve("data/postgres")).doesNotExist();

        String recipient = MailServerProcess.demoUser("nguyenvana");
        String subject = "external-pg-" + System.nanoTime();
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + recipient + ">")).startsWith("250");
            smtp.send("DATA");
            smtp.write(("Subject: " + subject + "\r\n\r\nTrong cơ sở dữ liệu PostgreSQL.\r\n").getBytes(StandardCharsets.UTF_8));
            assertThat(smtp.send(".")).startsWith("250");
        }
        awaitSubject(recipient, subject);

        try (Connection connection = DriverManager.getConnection(ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + DATABASE, PG_USER, "");
             Statement statement = connection.createStatement();
             ResultSet users = statement.executeQuery("SELECT count(*) FROM james_user WHERE user_name = '" + recipient + "'")) {
            users.next();
            assertThat(users.getInt(1)).as("the account row is in the external database").isEqualTo(1);
        }

        server.restart();
        assertThat(MailboxInspector.subjects(server, recipient)).contains(subject);
    }

    @Test
    void listenersServeTheConfiguredPemCertificateWithModernTlsOnly() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new SmtpDialog.TrustEverything()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.imapsPort)) {
            socket.startHandshake();
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=" + PRODUCTION_HOST);
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
        }
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.smtpsPort)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
        assertThat(server.log()).doesNotContain("SELF-SIGNED");
    }

    private static void awaitSubject(String user, String subject) throws Exception {
        for (int attempt = 0; attempt < 150; attempt++) {
            if (MailboxInspector.subjects(server, user).contains(subject)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(subject + " never reached " + user);
    }
}

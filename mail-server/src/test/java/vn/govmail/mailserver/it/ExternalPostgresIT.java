package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

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
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, PG_USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        }
        String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + DATABASE;
        server = MailServerProcess.start("external-pg", Map.of("GOVMAIL_DB_URL", url, "GOVMAIL_DB_USER", PG_USER));
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

package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server against clients nobody here wrote: swaks (SMTP), curl (SMTP, IMAP, IMAPS) and Python's imaplib.
 * .ci/run installs swaks and curl; without them these tests fail rather than pass vacuously in CI.
 */
class ExternalClientsIT {
    private static MailServerProcess server;
    private static final String ALICE = MailServerProcess.demoUser("nguyenvana");
    private static final String BOB = MailServerProcess.demoUser("tranthib");
    private static final String PASSWORD = MailServerProcess.PASSWORD;

    @BeforeAll
    static void startServer() throws Exception {
        requireTool("swaks");
        requireTool("curl");
        requireTool("python3");
        server = MailServerProcess.startEmbedded("clients");
    }

    private static void requireTool(String tool) {
        if (System.getenv("CI") != null) {
            assertThat(ExternalCommand.available(tool)).as(tool + " must be installed (.ci/run installs it)").isTrue();
        } else {
            assumeTrue(ExternalCommand.available(tool), tool + " is not installed");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void swaksSubmitsWithStartTlsAndAuthAndOverImplicitTls() throws Exception {
        String token = UUID.randomUUID().toString();
        ExternalCommand submission = ExternalCommand.run(List.of("swaks", "--server", "127.0.0.1", "--port", Integer.toString(server.submissionPort),
            "--tls", "--auth", "PLAIN", "--auth-user", BOB, "--auth-password", PASSWORD,
            "--from", BOB, "--to", ALICE, "--header", "Subject: swaks-587 " + token, "--body", "qua cổng 587"));
        assertThat(submission.exitCode()).as(submission.output()).isZero();
        assertThat(submission.output()).contains("250 2.6.0");

        ExternalCommand implicitTls = ExternalCommand.run(List.of("swaks", "--server", "127.0.0.1", "--port", Integer.toString(server.smtpsPort),
            "--tls-on-connect", "--auth", "LOGIN", "--auth-user", BOB, "--auth-password", PASSWORD,
            "--from", BOB, "--to", ALICE, "--header", "Subject: swaks-465 " + token));
        assertThat(implicitTls.exitCode()).as(implicitTls.output()).isZero();

        ExternalCommand mx = ExternalCommand.run(List.of("swaks", "--server", "127.0.0.1", "--port", Integer.toString(server.smtpPort),
            "--from", "someone@example.org", "--to", ALICE, "--header", "Subject: swaks-25 " + token));
        assertThat(mx.exitCode()).as(mx.output()).isZero();

        awaitCount(token, 3); // delivery after the 250 is asynchronous
        ExternalCommand search = curlImaps("INBOX", "SEARCH SUBJECT " + token);
        assertThat(search.output()).as(search.output()).containsPattern("\\* SEARCH \\d+ \\d+ \\d+");
    }

    @Test
    void swaksSeesRelayAndPlainAuthRefused() throws Exception {
        ExternalCommand relay = ExternalCommand.run(List.of("swaks", "--server", "127.0.0.1", "--port", Integer.toString(server.smtpPort),
            "--from", "spammer@example.org", "--to", "victim@example.org"));
        assertThat(relay.exitCode()).isNotZero();
        assertThat(relay.output()).contains("550 5.7.1");

        ExternalCommand clearAuth = ExternalCommand.run(List.of("swaks", "--server", "127.0.0.1", "--port", Integer.toString(server.submissionPort),
            "--auth", "PLAIN", "--auth-user", BOB, "--auth-password", PASSWORD, "--from", BOB, "--to", ALICE));
        assertThat(clearAuth.exitCode()).isNotZero();
    }

    @Test
    void curlSendsOverSmtpAndReadsOverImapAndImaps() throws Exception {
        String token = UUID.randomUUID().toString();
        Path mail = Files.createTempFile("curl-mail", ".eml");
        Files.writeString(mail, "From: " + BOB + "\r\nTo: " + ALICE + "\r\nSubject: curl " + token + "\r\n\r\nGửi bằng curl.\r\n", StandardCharsets.UTF_8);
        ExternalCommand send = ExternalCommand.run(List.of("curl", "-sS", "--insecure", "--ssl-reqd",
            "smtp://127.0.0.1:" + server.submissionPort, "--mail-from", BOB, "--mail-rcpt", ALICE,
            "--user", BOB + ":" + PASSWORD, "--upload-file", mail.toString()));
        assertThat(send.exitCode()).as(send.output()).isZero();

        String uid = awaitUid(token);
        ExternalCommand fetch = ExternalCommand.run(List.of("curl", "-sS", "--insecure",
            "imaps://127.0.0.1:" + server.imapsPort + "/INBOX;UID=" + uid, "--user", ALICE + ":" + PASSWORD));
        assertThat(fetch.exitCode()).as(fetch.output()).isZero();
        assertThat(fetch.output()).contains("Subject: curl " + token).contains("Gửi bằng curl.");

        ExternalCommand starttls = ExternalCommand.run(List.of("curl", "-sS", "--insecure", "--ssl-reqd",
            "imap://127.0.0.1:" + server.imapPort + "/INBOX", "--user", ALICE + ":" + PASSWORD, "-X", "SEARCH SUBJECT " + token));
        assertThat(starttls.output()).as(starttls.output()).contains("* SEARCH " + uid.trim());

        ExternalCommand cleartext = ExternalCommand.run(List.of("curl", "-sS",
            "imap://127.0.0.1:" + server.imapPort + "/INBOX", "--user", ALICE + ":" + PASSWORD, "-X", "SEARCH ALL"));
        assertThat(cleartext.exitCode()).as("LOGIN without TLS must fail").isNotZero();
    }

    @Test
    void pythonImaplibSession() throws Exception {
        String token = "py" + UUID.randomUUID().toString().replace("-", "");
        for (int i = 0; i < 3; i++) {
            String body = i == 0 ? "bodyword-" + token : "other text";
            ExternalCommand send = ExternalCommand.run(List.of("swaks", "--server", "127.0.0.1", "--port", Integer.toString(server.smtpPort),
                "--from", "someone@example.org", "--to", ALICE, "--header", "Subject: " + token + " " + i, "--body", body));
            assertThat(send.exitCode()).as(send.output()).isZero();
        }
        awaitCount(token, 3);
        Path script = Path.of(getClass().getResource("/clients/imaplib_session.py").toURI());
        ExternalCommand session = ExternalCommand.run(List.of("python3", script.toString(), Integer.toString(server.imapsPort), ALICE, PASSWORD, token));
        assertThat(session.exitCode()).as(session.output()).isZero();
        assertThat(session.output()).contains("OK imaplib session");
    }

    private ExternalCommand curlImaps(String folder, String command) throws Exception {
        return ExternalCommand.run(List.of("curl", "-sS", "--insecure", "imaps://127.0.0.1:" + server.imapsPort + "/" + folder,
            "--user", ALICE + ":" + PASSWORD, "-X", command));
    }

    private String awaitUid(String token) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            ExternalCommand search = ExternalCommand.run(List.of("curl", "-sS", "--insecure", "imaps://127.0.0.1:" + server.imapsPort + "/INBOX",
                "--user", ALICE + ":" + PASSWORD, "-X", "UID SEARCH SUBJECT " + token));
            String line = search.output().lines().filter(l -> l.startsWith("* SEARCH ")).findFirst().orElse("* SEARCH");
            String uids = line.substring("* SEARCH".length()).trim();
            if (!uids.isEmpty()) {
                return uids.split(" ")[0];
            }
            Thread.sleep(200);
        }
        throw new AssertionError("message " + token + " never arrived");
    }

    private void awaitCount(String token, int count) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            String line = curlImaps("INBOX", "SEARCH SUBJECT " + token).output().lines()
                .filter(l -> l.startsWith("* SEARCH")).findFirst().orElse("* SEARCH");
            if (line.substring("* SEARCH".length()).trim().split("\\s+").length >= count && !line.trim().equals("* SEARCH")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(count + " messages " + token + " never arrived");
    }
}

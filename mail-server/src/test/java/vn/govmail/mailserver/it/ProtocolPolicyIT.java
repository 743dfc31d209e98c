package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the SMTP and IMAP listeners refuse, with the exact reply codes (RFC 5321, 3463, 4954, 6409, 9051). */
class ProtocolPolicyIT {
    private static MailServerProcess server;
    private static final String USER = MailServerProcess.demoUser("nguyenvana");

    @BeforeAll
    static void startServer() throws Exception {
        // this province's policy: a full mailbox is a permanent refusal (552 5.2.2), not 452 (AccountPolicyIT)
        server = MailServerProcess.start("policy", Map.of("GOVMAIL_MAX_MESSAGE_SIZE", "1M", "GOVMAIL_IMAP_MAX_LITERAL_SIZE", "2M",
            "GOVMAIL_QUOTA_OVER_QUOTA_REPLY", "permanent"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** The classic open-relay battery: none of these may be accepted from an unauthenticated client. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<victim@example.org>",
        "<victim%example.org@demo.gov.vn>",
        "<example.org!victim@demo.gov.vn>",
        "<@demo.gov.vn:victim@example.org>",
        "<@demo.gov.vn,@mx.example.org:victim@example.org>",
        "<\"victim@example.org\"@demo.gov.vn>",
        "<victim@example.org@demo.gov.vn>",
        "<victim@[127.0.0.1]>",
        "<victim@demo.gov.vn.example.org>",
        "<nguyenvana@DEMO.GOV.VN.example.org>"
    })
    void unauthenticatedRelayIsRefused(String recipient) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            assertThat(smtp.send("EHLO relay-tester.example.org")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<spammer@example.org>")).startsWith("250");
            String reply = smtp.send("RCPT TO:" + recipient);
            assertThat(reply).as("RCPT TO:%s", recipient).matches("^5\\d\\d .*\\n");
        }
    }

    @Test
    void relayAttemptOnSubmissionWithoutAuthIsRefused() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.submissionPort)) {
            smtp.send("EHLO client.example.org");
            smtp.startTls();
            smtp.send("EHLO client.example.org");
            assertThat(smtp.send("MAIL FROM:<" + USER + ">")).startsWith("530 5.7.0");
        }
    }

    @Test
    void unknownLocalRecipientIsRefusedAtRcpt() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<khongtontai@demo.gov.vn>")).startsWith("550 5.1.1");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("250");
        }
    }

    @Test
    void authIsNotOfferedNorAcceptedBeforeTls() throws Exception {
        String credentials = Base64.getEncoder().encodeToString(("\0" + USER + "\0" + MailServerProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (SmtpDialog smtp = new SmtpDialog(server.submissionPort)) {
            String ehlo = smtp.send("EHLO client.example.org");
            assertThat(ehlo).contains("STARTTLS").doesNotContain("AUTH");
            assertThat(smtp.send("AUTH PLAIN " + credentials)).startsWith("538 5.7.11");
            smtp.startTls();
            assertThat(smtp.send("EHLO client.example.org")).contains("AUTH LOGIN PLAIN");
            assertThat(smtp.send("AUTH PLAIN " + credentials)).startsWith("235");
        }
    }

    /**
     * STARTTLS command injection (CVE-2011-0411): a man in the middle sends {@code STARTTLS} and, in a segment of its
     * own before the handshake, a clear-text MAIL FROM. It must never run: STARTTLS is refused (when the server read
     * both segments at once), or the connection is closed, or at the latest the TLS session starts with no transaction
     * (RCPT without MAIL gets 503). Repeated with and without a pause between the segments, as the window is a race.
     */
    @Test
    void clearTextSentAfterStartTlsInItsOwnSegmentIsNeverRun() throws Exception {
        for (int attempt = 0; attempt < 12; attempt++) {
            try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
                smtp.send("EHLO mitm.example.org");
                smtp.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
                if (attempt % 2 == 1) {
                    Thread.sleep(1);
                }
                smtp.write("MAIL FROM:<injected@example.org>\r\n".getBytes(StandardCharsets.US_ASCII));
                String outcome;
                try {
                    String startTls = smtp.reply();
                    if (startTls.startsWith("220")) {
                        smtp.tlsHandshake();
                        smtp.send("EHLO mitm.example.org");
                        outcome = smtp.send("RCPT TO:<" + USER + ">");
                    } else {
                        outcome = "refused " + startTls;
                    }
                } catch (java.io.IOException closed) {
                    outcome = "closed";
                }
                assertThat(outcome).as("attempt %d", attempt).matches("closed|refused [45][\\s\\S]*|503 [\\s\\S]*");
            }
        }
    }

    /** The same injection in the STARTTLS segment itself: refused before TLS is even offered (James's own check). */
    @Test
    void clearTextSentWithStartTlsInOneSegmentIsRefused() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO mitm.example.org");
            smtp.write("STARTTLS\r\nMAIL FROM:<injected@example.org>\r\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder replies = new StringBuilder();
            try {
                while (true) {
                    replies.append(smtp.reply());
                }
            } catch (java.io.IOException closed) {
                // the server ends the connection
            }
            assertThat(replies.toString()).doesNotContain("220").doesNotStartWith("250");
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        String credentials = Base64.getEncoder().encodeToString(("\0" + USER + "\0wrong-password").getBytes(StandardCharsets.UTF_8));
        try (SmtpDialog smtp = new SmtpDialog(server.submissionPort)) {
            smtp.send("EHLO client.example.org");
            smtp.startTls();
            smtp.send("EHLO client.example.org");
            assertThat(smtp.send("AUTH PLAIN " + credentials)).startsWith("535");
        }
    }

    @Test
    void mxPortOffersNoAuthAndAdvertisesTheExtensions() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            String ehlo = smtp.send("EHLO sender.example.org");
            assertThat(ehlo).contains("PIPELINING", "8BITMIME", "SIZE 1048576", "ENHANCEDSTATUSCODES", "STARTTLS", "DSN")
                .doesNotContain("AUTH");
        }
    }

    @Test
    void oversizeMessageIsRefusedWith552() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            assertThat(smtp.send("MAIL FROM:<someone@example.org> SIZE=5000000")).startsWith("552");
        }
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            smtp.send("RCPT TO:<" + USER + ">");
            assertThat(smtp.send("DATA")).startsWith("354");
            StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
            String line = "x".repeat(998) + "\r\n";
            while (body.length() < 2 * 1024 * 1024) {
                body.append(line);
            }
            smtp.write(body.toString().getBytes(StandardCharsets.US_ASCII));
            assertThat(smtp.send(".")).startsWith("552");
        }
    }

    @Test
    void authenticatedUserCannotSendAsSomeoneElse() throws Exception {
        String credentials = Base64.getEncoder().encodeToString(("\0" + USER + "\0" + MailServerProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (SmtpDialog smtp = new SmtpDialog(server.submissionPort)) {
            smtp.send("EHLO client.example.org");
            smtp.startTls();
            smtp.send("EHLO client.example.org");
            assertThat(smtp.send("AUTH PLAIN " + credentials)).startsWith("235");
            assertThat(smtp.send("MAIL FROM:<tranthib@demo.gov.vn>")).startsWith("503 5.7.1");
            assertThat(smtp.send("MAIL FROM:<" + USER + ">")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<tranthib@demo.gov.vn>")).startsWith("250");
            assertThat(smtp.send("DATA")).startsWith("354");
            smtp.write("From: tranthib@demo.gov.vn\r\nSubject: forged\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(smtp.send(".")).startsWith("550 5.7.1");
        }
    }

    @Test
    void everyTransactionIsLoggedOnOneLineWithoutSecrets() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<logcheck@example.org>");
            smtp.send("RCPT TO:<" + USER + ">");
            smtp.send("DATA");
            smtp.write("Subject: log\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(smtp.send(".")).startsWith("250");
        }
        assertThat(server.log()).containsPattern("smtp accepted from=127\\.0\\.0\\.1 user=- sender=<logcheck@example.org> rcpt=<" + USER + ">");
        // The start-up banner prints the demo password on purpose; no log record may contain it or the AUTH blob.
        String credentials = Base64.getEncoder().encodeToString(("\0" + USER + "\0" + MailServerProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
        server.log().lines().filter(line -> line.matches("^\\d{4}-\\d\\d-\\d\\d .*")).forEach(line ->
            assertThat(line).doesNotContain(MailServerProcess.PASSWORD).doesNotContain(credentials));
    }

    @Test
    void imapAppendAboveTheLiteralLimitIsRefusedAndNothingIsStored() throws Exception {
        try (jakarta.mail.Store store = MailClients.openImaps(server, USER)) {
            jakarta.mail.Folder drafts = store.getFolder("Drafts");
            drafts.open(jakarta.mail.Folder.READ_WRITE);
            jakarta.mail.internet.MimeMessage big = new jakarta.mail.internet.MimeMessage(MailClients.imaps());
            big.setSubject("too big for APPEND");
            big.setText("x".repeat(3 * 1024 * 1024));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> drafts.appendMessages(new jakarta.mail.Message[] {big}))
                .isInstanceOf(jakarta.mail.MessagingException.class);
            drafts.close(false);
        }
        try (jakarta.mail.Store store = MailClients.openImaps(server, USER)) {
            jakarta.mail.Folder drafts = store.getFolder("Drafts");
            drafts.open(jakarta.mail.Folder.READ_ONLY);
            assertThat(drafts.getMessageCount()).isZero();
            jakarta.mail.internet.MimeMessage small = new jakarta.mail.internet.MimeMessage(MailClients.imaps());
            small.setSubject("small draft");
            small.setText("ok");
            drafts.close(false);
            drafts.open(jakarta.mail.Folder.READ_WRITE);
            drafts.appendMessages(new jakarta.mail.Message[] {small});
            assertThat(drafts.getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void imapLoginIsRefusedBeforeTls() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.imapPort)) {
            socket.setSoTimeout(30_000);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            java.io.OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("* OK");
            out.write("a CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).contains("STARTTLS").contains("LOGINDISABLED").doesNotContain("AUTH=PLAIN");
            in.readLine();
            out.write(("b LOGIN " + USER + " " + MailServerProcess.PASSWORD + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("b NO");
        }
    }

    @Test
    void everyImapLoginIsLoggedWithUserAddressAndResult() throws Exception {
        try (jakarta.mail.Store store = MailClients.openImaps(server, USER)) {
            assertThat(store.isConnected()).isTrue();
        }
        jakarta.mail.Store wrong = MailClients.imaps().getStore("imaps");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.connect("127.0.0.1", server.imapsPort, USER, "not-the-password"))
            .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
        assertThat(server.log())
            .contains("imap login ok user=" + USER + " from=127.0.0.1")
            .contains("imap login failed user=" + USER + " from=127.0.0.1")
            .doesNotContain("not-the-password");
    }

    /** SELECT during delivery must never announce a message that FETCH cannot yet address. */
    @Test
    void selectDuringDeliveryAnnouncesOnlyFetchableMessages() throws Exception {
        String user = MailServerProcess.demoUser("postmaster");
        java.util.concurrent.atomic.AtomicInteger senders = new java.util.concurrent.atomic.AtomicInteger(4);
        java.util.function.BooleanSupplier sending = () -> senders.get() > 0;
        List<Thread> threads = new java.util.ArrayList<>();
        for (int connection = 0; connection < 4; connection++) {
            Thread sender = new Thread(() -> {
                try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
                    smtp.send("EHLO sender.example.org");
                    for (int i = 0; i < 40; i++) {
                        smtp.send("MAIL FROM:<someone@example.org>");
                        smtp.send("RCPT TO:<" + user + ">");
                        smtp.send("DATA");
                        smtp.write(("Subject: race " + i + "\r\n\r\nx\r\n").getBytes(StandardCharsets.US_ASCII));
                        smtp.send(".");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    senders.decrementAndGet();
                }
            });
            sender.start();
            threads.add(sender);
        }
        int selects = 0;
        try (jakarta.mail.Store store = MailClients.openImaps(server, user)) {
            while (sending.getAsBoolean() || selects < 20) {
                jakarta.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(jakarta.mail.Folder.READ_ONLY);
                jakarta.mail.Message[] messages = inbox.getMessages();
                jakarta.mail.FetchProfile envelope = new jakarta.mail.FetchProfile();
                envelope.add(jakarta.mail.FetchProfile.Item.ENVELOPE);
                inbox.fetch(messages, envelope); // throws on "BAD Invalid messageset"
                inbox.close(false);
                selects++;
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(selects).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aFullMailboxIsRefusedPermanentlyWhereThePolicySaysSo() throws Exception {
        String user = MailServerProcess.demoUser("tranthib");
        assertThat(AdminApi.call(server, "PUT", "quota/users/" + user + "/count", "0").statusCode()).isEqualTo(204);
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + user + ">")).startsWith("552 5.2.2");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).as("others still receive").startsWith("250");
        } finally {
            AdminApi.call(server, "DELETE", "quota/users/" + user + "/count", null);
        }
    }
}

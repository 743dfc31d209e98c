package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;

/**
 * The spam filter end to end through real SMTP (port 25, as another mail server), IMAP and the admin
 * API/CLI: refusal at DATA, Junk filing, INBOX for ham, learning from an IMAP move into and out of Junk,
 * quarantine release delivering exactly once (admin and CLI; the user through the user API, for themself only) and
 * the quarantine digest. The filter's DNS points at a closed local port, so the
 * DNS-based steps say "no opinion" at once (as they must when DNS is down).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpamFilterIT {
    private static final String USER = MailServerProcess.demoUser("nguyenvana");
    private static MailServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        int closedPort;
        try (DatagramSocket socket = new DatagramSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        server = MailServerProcess.start("spam", Map.of(
            "GOVMAIL_SPAM_DNS_SERVER", "127.0.0.1",
            "GOVMAIL_SPAM_DNS_PORT", Integer.toString(closedPort),
            "GOVMAIL_SPAM_BAYES_MIN_MESSAGES", "1",
            // the daily run would race the test's own digest; the admin trigger still sends
            "GOVMAIL_SPAM_QUARANTINE_DIGEST_ENABLED", "false",
            "GOVMAIL_SPAM_QUARANTINE_WEBMAIL_URL", "https://mail.demo.gov.vn/"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    @Order(1)
    void malwareIsRefusedAtDataWith550BeforeAcceptance() throws Exception {
        String reply = sendRaw(attachmentMessage("Hoàn thuế thu nhập cá nhân", "HoanThue.exe", "application/octet-stream",
            new byte[]{'M', 'Z', 0, 0, 1, 2, 3}));
        assertThat(reply).startsWith("550").contains("5.7.1").contains("ATTACH_EXECUTABLE");
    }

    @Test
    @Order(2)
    void probableSpamLandsInJunkWithHeadersAndHamInInbox() throws Exception {
        String spamToken = token();
        assertThat(sendRaw(message("vanthu@laichau-gov.vn.com", "Công văn số 123 về việc cập nhật hồ sơ",
            "Kính gửi đồng chí, đề nghị xem công văn đính kèm. " + spamToken))).startsWith("250");
        String hamToken = token();
        assertThat(sendRaw(message("hoptac@doitac.example", "Kế hoạch phối hợp tổ chức hội nghị",
            "Kính gửi anh, bên em gửi kế hoạch phối hợp tổ chức hội nghị tháng 12. " + hamToken))).startsWith("250");

        try (Store store = MailClients.openImaps(server, USER)) {
            Message junk = awaitBody(store, "Junk", spamToken);
            assertThat(junk.getHeader("X-Spam-Status")[0]).startsWith("Yes").contains("GOV_LOOKALIKE_DOMAIN");
            assertThat(junk.getHeader("Authentication-Results")[0]).startsWith("mail.demo.gov.vn; ").contains("dkim=none");
            assertThat(junk.getHeader("X-Spam-Score")).isNotEmpty();
            Message ham = awaitBody(store, "INBOX", hamToken);
            assertThat(ham.getHeader("X-Spam-Status")[0]).startsWith("No");
            assertThat(bodies(store, "Junk")).noneMatch(body -> body.contains(hamToken));
        }
    }

    @Test
    @Order(3)
    void movingMailIntoAndOutOfJunkOverImapChangesTheNextVerdict() throws Exception {
        String text = "Khuyến mãi căn hộ nghỉ dưỡng Sầm Sơn chiết khấu cao sổ hồng lâu dài, đặt chỗ giữ căn, "
            + "quà tặng vàng SJC cho khách hàng đặt cọc sớm tuần này ";
        String first = token();
        assertThat(sendRaw(message("tuvan@canho-nghiduong.example", "Ưu đãi căn hộ nghỉ dưỡng", text + first))).startsWith("250");
        try (Store store = MailClients.openImaps(server, USER)) {
            awaitBody(store, "INBOX", first);
            move(store, "INBOX", "Junk", first);                 // "this is spam"
            String flagged = bodies(store, "Junk").stream().filter(b -> b.contains("công văn")).findFirst().orElseThrow();
            move(store, "Junk", "INBOX", flagged.substring(flagged.lastIndexOf(' ') + 1).trim()); // "not spam"
        }
        awaitLearned(1, 1);

        String second = token();
        assertThat(sendRaw(message("tuvan@canho-nghiduong.example", "Ưu đãi căn hộ nghỉ dưỡng", text + second))).startsWith("250");
        try (Store store = MailClients.openImaps(server, USER)) {
            Message junk = awaitBody(store, "Junk", second);
            // a spam band (BAYES_90 and up), not BAYES_UNSURE which every classified message carries
            assertThat(junk.getHeader("X-Spam-Status")[0]).containsPattern("BAYES_9\\d*=");
        }
    }

    @Test
    @Order(4)
    void quarantinedMailIsListedAndReleasedExactlyOnce() throws Exception {
        String marker = token();
        assertThat(sendRaw(attachmentMessage("Báo cáo tài chính " + marker, "baocao.docm",
            "application/vnd.ms-word.document.macroEnabled.12", "PK not really".getBytes(StandardCharsets.US_ASCII)))).startsWith("250");

        String key = awaitQuarantined(marker);
        ExternalCommand listed = server.cli("quarantine", "list", "demo.gov.vn");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.output()).contains(key).contains(marker);

        assertThat(AdminApi.call(server, "POST", "govmail/quarantine/" + key + "/release", null).statusCode()).isEqualTo(200);
        var again = AdminApi.call(server, "POST", "govmail/quarantine/" + key + "/release", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already released");
        assertThat(AdminApi.call(server, "POST", "govmail/quarantine/no-such-key/release", null).statusCode()).isEqualTo(404);
        assertThat(AdminApi.call(server, "POST", "govmail/quarantine/no-such-key/release", null, null).statusCode()).isIn(401, 403);

        try (Store store = MailClients.openImaps(server, USER)) {
            awaitSubject(store, "INBOX", marker);
            Thread.sleep(1500);   // a duplicate delivery would have arrived by now
            assertThat(subjects(store, "INBOX").stream().filter(s -> s.contains(marker)).count()).isEqualTo(1);
        }
        assertThat(AdminApi.call(server, "GET", "govmail/quarantine?user=" + USER, null).body()).doesNotContain(marker);
    }

    @Test
    @Order(5)
    void usersListPreviewReleaseAndDeleteTheirOwnQuarantineAndGetOneDigest() throws Exception {
        String colleague = MailServerProcess.demoUser("tranthib");
        String stranger = MailServerProcess.demoUser("lequangc");
        for (String user : new String[]{colleague, stranger}) {
            // demo accounts exist already (409) with the same password
            assertThat(AdminApi.call(server, "PUT", "users/" + user, "{\"password\":\"" + MailServerProcess.PASSWORD + "\"}").statusCode()).isIn(204, 409);
        }
        String marker = token();
        String html = "<p>Gửi anh <b>bảng lương</b> tháng 11</p><script>alert('x')</script>";
        String message = headers("ketoan@doitac.example", "Bảng lương " + marker, "multipart/mixed; boundary=\"b1\"") + "\r\n--b1\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n--b1\r\nContent-Type: application/vnd.ms-excel.sheet.macroEnabled.12;"
            + " name=\"luong.xlsm\"\r\nContent-Disposition: attachment; filename=\"luong.xlsm\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString("PK not really".getBytes(StandardCharsets.US_ASCII)) + "\r\n--b1--\r\n";
        assertThat(sendRaw(message, USER, colleague)).startsWith("250");
        String key = awaitQuarantined(marker);

        String mine = userSession(USER);
        String theirs = userSession(colleague);
        String nobody = userSession(stranger);
        var listed = AdminApi.call(server, "GET", "govmail/me/quarantine", null, mine);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(key).contains(marker).contains("ATTACH_MACRO_OFFICE").contains("ketoan@doitac.example");
        var preview = AdminApi.call(server, "GET", "govmail/me/quarantine/" + key, null, mine);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("bảng lương").contains("luong.xlsm").doesNotContain("<b>").doesNotContain("<script")
            .doesNotContain("alert(");
        assertThat(AdminApi.call(server, "GET", "govmail/me/quarantine", null, nobody).body()).isEqualTo("[]");
        assertThat(AdminApi.call(server, "GET", "govmail/me/quarantine/" + key, null, nobody).statusCode()).isEqualTo(404);
        assertThat(AdminApi.call(server, "POST", "govmail/me/quarantine/" + key + "/release", null, nobody).statusCode()).isEqualTo(404);
        assertThat(AdminApi.call(server, "GET", "govmail/me/quarantine", null, server.adminToken()).statusCode())
            .as("the admin token acts for no mailbox").isEqualTo(403);

        // the digest lists it, once
        var digest = AdminApi.call(server, "POST", "govmail/quarantine/digest", null);
        assertThat(digest.statusCode()).isEqualTo(200);
        assertThat(digest.body()).contains(USER).contains(colleague).doesNotContain(stranger);
        assertThat(server.cli("quarantine", "digest").output()).doesNotContain(USER);
        try (Store store = MailClients.openImaps(server, USER)) {
            Message received = awaitDigest(store, marker);
            assertThat(received.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
            assertThat((String) received.getContent()).contains("Thư cách ly").contains("ketoan@doitac.example")
                .contains("ATTACH_MACRO_OFFICE").contains("quarantine");
            Thread.sleep(1500);
            assertThat(digestBodies(store).stream().filter(body -> body.contains(marker)).count()).isEqualTo(1);
        }

        // the user releases it to themself only, once
        var released = AdminApi.call(server, "POST", "govmail/me/quarantine/" + key + "/release", null, mine);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(AdminApi.call(server, "POST", "govmail/me/quarantine/" + key + "/release", null, mine).statusCode()).isEqualTo(409);
        assertThat(AdminApi.call(server, "GET", "govmail/me/quarantine", null, mine).body()).doesNotContain(key);
        assertThat(AdminApi.call(server, "GET", "govmail/me/quarantine", null, theirs).body()).contains(key);
        try (Store store = MailClients.openImaps(server, USER)) {
            awaitSubject(store, "INBOX", "Bảng lương " + marker);
            Thread.sleep(1500);   // a duplicate delivery would have arrived by now
            assertThat(subjects(store, "INBOX").stream().filter(s -> s.startsWith("Bảng lương " + marker)).count()).isEqualTo(1);
        }
        try (Store store = MailClients.openImaps(server, colleague)) {
            assertThat(subjects(store, "INBOX")).noneMatch(s -> s.startsWith("Bảng lương " + marker));
        }

        // the colleague deletes their copy: nothing is left to release
        assertThat(AdminApi.call(server, "DELETE", "govmail/me/quarantine/" + key, null, theirs).statusCode()).isEqualTo(204);
        assertThat(AdminApi.call(server, "GET", "govmail/me/quarantine", null, theirs).body()).doesNotContain(key);
        assertThat(AdminApi.call(server, "POST", "govmail/quarantine/" + key + "/release", null).statusCode()).isEqualTo(409);
        assertThat(AdminApi.call(server, "GET", "govmail/quarantine", null).body()).doesNotContain(key);
    }

    /**
     * A crash between the durable claim of a release and its copy reaching the spool: the claim is written straight
     * into the server's database (as the release writes it first), the server is SIGKILLed before anything queued a
     * copy, and after the restart the recovery delivers the mail, once; it is listed for nobody and a release is 409.
     */
    @Test
    @Order(6)
    void aReleaseInterruptedByACrashIsFinishedAfterTheRestartExactlyOnce() throws Exception {
        String marker = token();
        assertThat(sendRaw(attachmentMessage("Quyết toán " + marker, "quyettoan.xlsm",
            "application/vnd.ms-excel.sheet.macroEnabled.12", "PK not really".getBytes(StandardCharsets.US_ASCII)))).startsWith("250");
        String key = awaitQuarantined(marker);
        var jdbc = java.util.regex.Pattern.compile("\\((jdbc:postgresql://[^ ?]+)").matcher(server.log());
        assertThat(jdbc.find()).as("the embedded PostgreSQL's URL in the log").isTrue();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbc.group(1), "postgres", "");
             java.sql.PreparedStatement claim = connection.prepareStatement("INSERT INTO govmail_quarantine_release"
                 + "(mail_key, recipient, state, attempt, actor) VALUES (?, ?, 'RELEASING', 'before-the-crash', 'test')")) {
            claim.setString(1, key);
            claim.setString(2, USER);
            assertThat(claim.executeUpdate()).isEqualTo(1);
        }
        server.kill9();
        server.start();

        try (Store store = MailClients.openImaps(server, USER)) {
            awaitSubject(store, "INBOX", "Quyết toán " + marker);
            Thread.sleep(1500);   // a duplicate delivery would have arrived by now
            assertThat(subjects(store, "INBOX").stream().filter(s -> s.contains(marker)).count()).isEqualTo(1);
        }
        assertThat(server.log()).contains("Recovered the release of quarantined mail " + key);
        assertThat(AdminApi.call(server, "GET", "govmail/quarantine", null).body()).doesNotContain(marker);
        assertThat(AdminApi.call(server, "POST", "govmail/quarantine/" + key + "/release", null).statusCode()).isEqualTo(409);
    }

    // ---- helpers ----

    private static String userSession(String user) throws Exception {
        var opened = AdminApi.call(server, "POST", "govmail/me/session",
            "{\"user\":\"" + user + "\",\"password\":\"" + MailServerProcess.PASSWORD + "\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return opened.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static java.util.List<String> digestBodies(Store store) throws Exception {
        Folder folder = store.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        try {
            java.util.List<String> bodies = new java.util.ArrayList<>();
            for (Message message : folder.getMessages()) {
                if (message.getHeader("X-Govmail-Quarantine") != null) {
                    bodies.add(String.valueOf(message.getContent()));
                }
            }
            return bodies;
        } finally {
            folder.close(false);
        }
    }

    private static Message awaitDigest(Store store, String marker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            for (Message message : folder.getMessages()) {
                if (message.getHeader("X-Govmail-Quarantine") != null && String.valueOf(message.getContent()).contains(marker)) {
                    return new jakarta.mail.internet.MimeMessage((jakarta.mail.internet.MimeMessage) message);
                }
            }
            folder.close(false);
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no quarantine digest listing " + marker + "; INBOX " + subjects(store, "INBOX") + "\n" + tail(server.log()));
            }
            Thread.sleep(200);
        }
    }

    private static String token() {
        return "ma" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String headers(String from, String subject, String contentType) {
        return "From: " + from + "\r\nTo: " + USER + "\r\nSubject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
            + "?=\r\nDate: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + "\r\nMessage-ID: <" + UUID.randomUUID()
            + "@sender.example>\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n";
    }

    private static String message(String from, String subject, String body) {
        return headers(from, subject, "text/plain; charset=UTF-8") + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private static String attachmentMessage(String subject, String fileName, String type, byte[] content) {
        return headers("ketoan@doitac.example", subject, "multipart/mixed; boundary=\"b1\"") + "\r\n--b1\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nGửi anh tài liệu.\r\n--b1\r\nContent-Type: " + type + "; name=\"" + fileName
            + "\"\r\nContent-Disposition: attachment; filename=\"" + fileName + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString(content) + "\r\n--b1--\r\n";
    }

    /** One SMTP transaction on port 25; answers the reply to the final dot. */
    private static String sendRaw(String message, String... recipients) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            assertThat(smtp.send("EHLO mail.sender.example")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<bounce@sender.example>")).startsWith("250");
            for (String recipient : recipients.length == 0 ? new String[]{USER} : recipients) {
                assertThat(smtp.send("RCPT TO:<" + recipient + ">")).startsWith("250");
            }
            assertThat(smtp.send("DATA")).startsWith("354");
            smtp.write((message.replace("\r\n.", "\r\n..") + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
            String reply = smtp.reply();
            smtp.send("QUIT");
            return reply;
        }
    }

    private static java.util.List<String> bodies(Store store, String folderName) throws Exception {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            java.util.List<String> bodies = new java.util.ArrayList<>();
            for (Message message : folder.getMessages()) {
                bodies.add(message.getContent() instanceof String text ? text : "");
            }
            return bodies;
        } finally {
            folder.close(false);
        }
    }

    private static java.util.List<String> subjects(Store store, String folderName) throws Exception {
        Folder folder = store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        try {
            java.util.List<String> subjects = new java.util.ArrayList<>();
            for (Message message : folder.getMessages()) {
                subjects.add(String.valueOf(message.getSubject()));
            }
            return subjects;
        } finally {
            folder.close(false);
        }
    }

    private static Message awaitBody(Store store, String folderName, String marker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            for (Message message : folder.getMessages()) {
                if (message.getContent() instanceof String text && text.contains(marker)) {
                    return new jakarta.mail.internet.MimeMessage((jakarta.mail.internet.MimeMessage) message);
                }
            }
            folder.close(false);
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no message with " + marker + " in " + folderName + "; INBOX " + bodies(store, "INBOX")
                    + " Junk " + bodies(store, "Junk") + "\n" + tail(server.log()));
            }
            Thread.sleep(200);
        }
    }

    private static void awaitSubject(Store store, String folderName, String marker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (subjects(store, folderName).stream().noneMatch(s -> s.contains(marker))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no message " + marker + " in " + folderName + "\n" + tail(server.log()));
            }
            Thread.sleep(200);
        }
    }

    /** IMAP MOVE (RFC 6851) of the message containing the marker. */
    private static void move(Store store, String from, String to, String marker) throws Exception {
        org.eclipse.angus.mail.imap.IMAPFolder source = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder(from);
        source.open(Folder.READ_WRITE);
        try {
            Message[] matching = Arrays.stream(source.getMessages()).filter(message -> {
                try {
                    return message.getContent() instanceof String text && text.contains(marker);
                } catch (Exception e) {
                    return false;
                }
            }).toArray(Message[]::new);
            assertThat(matching).hasSize(1);
            source.moveMessages(matching, store.getFolder(to));
        } finally {
            if (source.isOpen()) {
                source.close(true);
            }
        }
    }

    private static void awaitLearned(int spam, int ham) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String statistics = "";
        while (Instant.now().isBefore(deadline)) {
            statistics = AdminApi.call(server, "GET", "govmail/spam/statistics", null).body();
            if (number(statistics, "learnedSpam") >= spam && number(statistics, "learnedHam") >= ham
                && number(statistics, "pendingLearning") == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the filter did not learn: " + statistics + "\n" + tail(server.log()));
    }

    private static long number(String json, String field) {
        var matcher = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static String awaitQuarantined(String marker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String body = AdminApi.call(server, "GET", "govmail/quarantine?user=" + USER, null).body();
            var matcher = java.util.regex.Pattern.compile("\\{[^{}]*\"key\"\\s*:\\s*\"([^\"]+)\"[^{}]*" + marker).matcher(body);
            if (matcher.find()) {
                return matcher.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing quarantined with " + marker + "\n" + tail(server.log()));
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

}

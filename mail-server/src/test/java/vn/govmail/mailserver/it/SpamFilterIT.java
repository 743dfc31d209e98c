package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * quarantine release delivering exactly once; the SMTP-time checks (DNSBL at connect, SPF at MAIL FROM,
 * block lists at RCPT, greylisting) and allow/block lists managed with the CLI and REST. The filter's DNS is
 * a local stub (a DNSBL zone, SPF records; NXDOMAIN for anything else). Only 127.0.0.1 is a trusted network
 * here, so clients that connect from 127.0.0.x (x > 1) are treated as outside mail servers. The quarantine: release
 * by the admin and CLI, by the user through the user API (for themself only), exactly once even across a crash, and
 * the digest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpamFilterIT {
    private static final String USER = MailServerProcess.demoUser("nguyenvana");
    private static MailServerProcess server;

    private static final String LISTED_CLIENT = "127.0.0.66";
    /** "UBND tỉnh Lai Châu" <tintuc@doitac-tin-cay.example>: a gov.vn display name from outside (spoof rule) */
    private static final String GOV_NAMED_PARTNER = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("UBND tỉnh Lai Châu".getBytes(StandardCharsets.UTF_8))
        + "?= <tintuc@doitac-tin-cay.example>";
    private static DnsStub dns;

    @BeforeAll
    static void start() throws Exception {
        dns = new DnsStub(Map.of("66.0.0.127.bl.govmail.test", "127.0.0.2"), Map.of(
            "spf-strict.example", "v=spf1 ip4:192.0.2.1 -all",
            "sotttt.laichau.gov.vn", "v=spf1 ip4:127.0.0.9 -all"));
        server = MailServerProcess.start("spam", Map.of(
            "GOVMAIL_SPAM_DNS_SERVER", "127.0.0.1",
            "GOVMAIL_SPAM_DNS_PORT", Integer.toString(dns.port()),
            "GOVMAIL_SPAM_BAYES_MIN_MESSAGES", "1",
            "GOVMAIL_SPAM_DNSBL_ZONES", "bl.govmail.test",
            "GOVMAIL_SPAM_SMTP_TRUSTED_NETWORKS", "127.0.0.1/32",
            "GOVMAIL_SPAM_GREYLIST_ENABLED", "true",
            "GOVMAIL_SPAM_GREYLIST_DELAY_SECONDS", "2",
            // the daily run would race the test's own digest; the admin trigger still sends
            "GOVMAIL_SPAM_QUARANTINE_DIGEST_ENABLED", "false",
            "GOVMAIL_SPAM_QUARANTINE_WEBMAIL_URL", "https://mail.demo.gov.vn/"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        dns.close();
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
    void aClientListedInADnsblIsRefusedAtConnectWithTheZoneNamed() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, LISTED_CLIENT)) {
            assertThat(smtp.greeting).startsWith("554 5.7.1").contains("bl.govmail.test").contains(LISTED_CLIENT);
            assertThatThrownBy(smtp::reply).as("the server hangs up after the 554").isInstanceOf(java.io.IOException.class);
        }
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, "127.0.0.67")) {   // not listed
            assertThat(smtp.greeting).startsWith("220");
        }
    }

    @Test
    @Order(6)
    void anSpfFailIsRefusedAtMailFrom() throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, "127.0.0.7")) {
            assertThat(smtp.send("EHLO mx.spf-strict.example")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<ketoan@spf-strict.example>")).startsWith("550 5.7.23").contains("spf-strict.example");
            // a sender without an SPF record is not refused (then greylisted: first contact)
            assertThat(smtp.send("MAIL FROM:<ketoan@no-spf.example>")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("451 4.7.1").contains("try again in");
        }
        // both checks are counted with the pipeline's steps
        String statistics = AdminApi.call(server, "GET", "govmail/spam/statistics", null).body();
        assertThat(statistics).contains("\"smtp-dnsbl\"").contains("\"smtp-spf\"");
        // the same sender from 127.0.0.1 (a trusted network) is not checked at MAIL FROM
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            assertThat(smtp.send("EHLO mx.spf-strict.example")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<ketoan@spf-strict.example>")).startsWith("250");
        }
    }

    @Test
    @Order(7)
    void greylistingAsksUnknownSendersToRetryAndAcceptsTheRetryAfterTheDelay() throws Exception {
        String marker = token();
        String mail = message("tin@newsletter.example", "Bản tin tháng 11", "Bản tin hoạt động của hội. " + marker);
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, "127.0.0.8")) {
            assertThat(smtp.send("EHLO mx.newsletter.example")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<tin@newsletter.example>")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("451 4.7.1").contains("Greylisted").contains("try again in");
            // retrying at once is still too early
            assertThat(smtp.send("RSET")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<tin@newsletter.example>")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("451 4.7.1");
            // a relay attempt is refused for good (the relay check), never greylisted into a retry
            assertThat(smtp.send("RCPT TO:<victim@elsewhere.example>")).startsWith("5");
        }
        Thread.sleep(2500);   // GOVMAIL_SPAM_GREYLIST_DELAY_SECONDS=2
        assertThat(sendRaw("127.0.0.8", "tin@newsletter.example", mail)).startsWith("250");
        try (Store store = MailClients.openImaps(server, USER)) {
            awaitBody(store, "INBOX", marker);
        }
        // a gov.vn sender whose SPF passes is never greylisted
        assertThat(sendRaw("127.0.0.9", "vanphong@sotttt.laichau.gov.vn",
            message("vanphong@sotttt.laichau.gov.vn", "Giấy mời họp", "Kính mời dự họp. " + token()))).startsWith("250");
    }

    @Test
    @Order(8)
    void anAllowlistedSenderPassesASpammyMailAndIsNotGreylisted() throws Exception {
        String spammy = "Chúc mừng quý khách trúng thưởng, nhập mã OTP và chuyển phí vận chuyển tại http://laichau-gov.vn.com/nhan-thuong ";
        String before = token();
        String reply = sendRaw("127.0.0.1", "tintuc@doitac-tin-cay.example",
            message(GOV_NAMED_PARTNER, "THÔNG BÁO TRÚNG THƯỞNG", spammy + before));
        if (reply.startsWith("250")) {
            try (Store store = MailClients.openImaps(server, USER)) {
                awaitBody(store, "Junk", before);   // spam before it is allowlisted
            }
        } else {
            assertThat(reply).startsWith("550 5.7.1");
        }

        ExternalCommand allow = server.cli("spam", "allow", USER, "@doitac-tin-cay.example");
        assertThat(allow.exitCode()).as(allow.output()).isZero();
        assertThat(server.cli("spam", "list", USER).output()).contains("allow  @doitac-tin-cay.example");

        String after = token();
        // from an untrusted client: an allowlisted sender is not greylisted either
        assertThat(sendRaw("127.0.0.10", "tintuc@doitac-tin-cay.example",
            message(GOV_NAMED_PARTNER, "THÔNG BÁO TRÚNG THƯỞNG", spammy + after))).startsWith("250");
        try (Store store = MailClients.openImaps(server, USER)) {
            Message delivered = awaitBody(store, "INBOX", after);
            assertThat(delivered.getHeader("X-Spam-Status")[0]).startsWith("No").contains("ALLOWLISTED_SENDER");
        }
    }

    @Test
    @Order(9)
    void aBlockedSenderIsRefusedAndListsAreManagedOverRestWithAnAuditTrail() throws Exception {
        assertThat(AdminApi.call(server, "PUT", "govmail/spam/lists/demo.gov.vn/block/@spammer.example", null).statusCode()).isEqualTo(200);
        ExternalCommand block = server.cli("spam", "block", "global", "lua-dao@scam.example");
        assertThat(block.exitCode()).as(block.output()).isZero();

        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            assertThat(smtp.send("EHLO mx.spammer.example")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<sale@spammer.example>")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("550 5.7.1").contains("block list");
            assertThat(smtp.send("RSET")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<lua-dao@scam.example>")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("550 5.7.1");
        }
        // blocked in the From header only: refused at end of DATA by the pipeline
        assertThat(sendRaw("127.0.0.1", "bounce@relay.example", message("sale@spammer.example", "Chào", "Nội dung " + token())))
            .startsWith("550 5.7.1").contains("BLOCKLISTED_SENDER");

        var listed = AdminApi.call(server, "GET", "govmail/spam/lists/demo.gov.vn", null);
        assertThat(listed.body()).contains("\"pattern\":\"@spammer.example\"").contains("\"action\":\"block\"");
        assertThat(AdminApi.call(server, "PUT", "govmail/spam/lists/other.example/block/@x.example", null).statusCode()).isEqualTo(400);
        assertThat(AdminApi.call(server, "PUT", "govmail/spam/lists/demo.gov.vn/block/not-an-address", null).body())
            .contains("is not a mail address");
        assertThat(AdminApi.call(server, "PUT", "govmail/spam/lists/demo.gov.vn/block/@x.example", null, null).statusCode()).isIn(401, 403);

        ExternalCommand remove = server.cli("spam", "remove", "demo.gov.vn", "@spammer.example");
        assertThat(remove.exitCode()).as(remove.output()).isZero();
        ExternalCommand again = server.cli("spam", "remove", "demo.gov.vn", "@spammer.example");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("not on the list");
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            assertThat(smtp.send("EHLO mx.spammer.example")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<sale@spammer.example>")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("250");
        }
        assertThat(AdminApi.call(server, "GET", "govmail/audit?path=spam/lists", null).body())
            .contains("/govmail/spam/lists/demo.gov.vn/block/@spammer.example").contains("DELETE");
    }

    @Test
    @Order(10)
    void authenticatedIntraProvinceMailSkipsReputationButNotMalwareChecks() throws Exception {
        String marker = token();
        String colleague = MailServerProcess.demoUser("tranthib");
        MailClients.submitText(server, USER, colleague, "TRÚNG THƯỞNG LỚN HÔM NAY", marker,
            "Chúc mừng trúng thưởng, chuyển phí vận chuyển, nhập mã OTP, http://laichau-gov.vn.com/x " + marker);
        try (Store store = MailClients.openImaps(server, colleague)) {
            Message delivered = awaitBody(store, "INBOX", marker);
            assertThat(delivered.getHeader("X-Spam-Status")[0]).startsWith("No").contains("tests=none");
        }

        jakarta.mail.internet.MimeMessage withExe = new jakarta.mail.internet.MimeMessage(MailClients.submission(server));
        withExe.setFrom(USER);
        withExe.setRecipients(Message.RecipientType.TO, colleague);
        withExe.setSubject("Báo cáo", "UTF-8");
        jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("Gửi chị báo cáo.", "UTF-8");
        jakarta.mail.internet.MimeBodyPart exe = new jakarta.mail.internet.MimeBodyPart();
        exe.setContent(new byte[]{'M', 'Z', 0, 0, 1, 2, 3}, "application/octet-stream");
        exe.setFileName("bao-cao.exe");
        parts.addBodyPart(text);
        parts.addBodyPart(exe);
        withExe.setContent(parts);
        assertThatThrownBy(() -> MailClients.submit(server, USER, withExe)).hasStackTraceContaining("550")
            .hasStackTraceContaining("ATTACH_EXECUTABLE");
    }

    @Test
    @Order(11)
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
        assertThat(sendRawTo(message, USER, colleague)).startsWith("250");
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
    @Order(12)
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

    /**
     * A DNS server slow to answer about one client (its DNSBL name) or one sender domain (its SPF record) holds up
     * that session only. One slow session is opened for each of James's I/O threads (2 per core), so that with
     * commands run on the I/O threads (James 3.8.1's own way) every other session would wait behind one of them.
     */
    @Test
    @Order(13)
    void aSlowDnsAnswerForOneClientDoesNotDelayTheOtherSessions() throws Exception {
        Duration slowDns = Duration.ofMillis(2500);
        dns.delay("70.0.0.127.bl.govmail.test", slowDns);
        dns.delay("slow-spf.example", slowDns);
        int slowSessions = Runtime.getRuntime().availableProcessors() * 2;
        // warm-up (the test may run first, on a server just started): the first lookups of a cold JVM are slow alone
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, "127.0.0.71")) {
            assertThat(smtp.send("EHLO mx.fast.example")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<tin@fast.example>")).startsWith("250");
        }
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(slowSessions);
        try {
            // at connect: the DNSBL answer about 127.0.0.70 is slow, not the one about 127.0.0.71
            java.util.List<java.util.concurrent.Future<Long>> slow = new java.util.ArrayList<>();
            for (int i = 0; i < slowSessions; i++) {
                slow.add(clients.submit(() -> timed(() -> {
                    try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, "127.0.0.70")) {
                        assertThat(smtp.greeting).startsWith("220");   // no opinion: served
                    }
                })));
            }
            Thread.sleep(500);   // every slow session is waiting for DNS
            long fastGreeting;
            long fastMailFrom;
            try (SmtpDialog smtp = timedDialog("127.0.0.71")) {
                fastGreeting = lastDialogMillis;
                assertThat(smtp.send("EHLO mx.fast.example")).startsWith("250");
                long start = System.nanoTime();
                assertThat(smtp.send("MAIL FROM:<tin@fast.example>")).startsWith("250");
                fastMailFrom = (System.nanoTime() - start) / 1_000_000;
            }
            java.util.List<Long> slowGreetings = new java.util.ArrayList<>();
            for (var session : slow) {
                slowGreetings.add(session.get());
            }
            System.out.printf("slow DNSBL: %d slow sessions' greetings %s ms; other session: greeting %d ms, MAIL FROM %d ms%n",
                slowSessions, slowGreetings, fastGreeting, fastMailFrom);
            assertThat(slowGreetings).as("the slow sessions did wait for DNS").allMatch(millis -> millis >= 1000);
            assertThat(fastGreeting).as("greeting of a session whose DNSBL answer is quick").isLessThan(1000);
            assertThat(fastMailFrom).isLessThan(1000);

            // at MAIL FROM: the SPF record of slow-spf.example is slow, not the others
            java.util.List<java.util.concurrent.Future<Long>> slowSpf = new java.util.ArrayList<>();
            for (int i = 0; i < slowSessions; i++) {
                slowSpf.add(clients.submit(() -> {
                    try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, "127.0.0.72")) {
                        assertThat(smtp.send("EHLO mx.slow-spf.example")).startsWith("250");
                        return timed(() -> assertThat(smtp.send("MAIL FROM:<tin@slow-spf.example>")).startsWith("250"));
                    }
                }));
            }
            Thread.sleep(500);
            try (SmtpDialog smtp = timedDialog("127.0.0.73")) {
                fastGreeting = lastDialogMillis;
                assertThat(smtp.send("EHLO mx.fast.example")).startsWith("250");
                long start = System.nanoTime();
                assertThat(smtp.send("MAIL FROM:<tin@fast.example>")).startsWith("250");
                fastMailFrom = (System.nanoTime() - start) / 1_000_000;
            }
            java.util.List<Long> slowMailFroms = new java.util.ArrayList<>();
            for (var session : slowSpf) {
                slowMailFroms.add(session.get());
            }
            System.out.printf("slow SPF: %d slow sessions' MAIL FROM %s ms; other session: greeting %d ms, MAIL FROM %d ms%n",
                slowSessions, slowMailFroms, fastGreeting, fastMailFrom);
            assertThat(slowMailFroms).as("the slow MAIL FROM did wait for DNS").allMatch(millis -> millis >= 1000);
            assertThat(fastGreeting).isLessThan(1000);
            assertThat(fastMailFrom).as("MAIL FROM of a sender whose SPF answer is quick").isLessThan(1000);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * A distribution group address is judged like any of our recipients: its own block list, then its domain's and the
     * global one, and greylisting; a member's personal list does not refuse mail to the whole group.
     */
    @Test
    @Order(14)
    void aGroupAddressHasItsOwnAndItsDomainsBlockListsAndIsGreylisted() throws Exception {
        String group = "tonghop@" + USER.substring(USER.indexOf('@') + 1);
        String domain = USER.substring(USER.indexOf('@') + 1);
        assertThat(AdminApi.call(server, "PUT", "govmail/groups/" + group, "{\"senderPolicy\": \"anyone\"}").statusCode()).isEqualTo(201);
        assertThat(AdminApi.call(server, "POST", "govmail/groups/" + group + "/members", "{\"user\": \"" + USER + "\"}").statusCode())
            .isBetween(200, 204);
        assertThat(AdminApi.call(server, "PUT", "govmail/spam/lists/" + group + "/block/@nhom-chan.example", null).statusCode()).isEqualTo(200);
        assertThat(AdminApi.call(server, "PUT", "govmail/spam/lists/" + domain + "/block/@mien-chan.example", null).statusCode()).isEqualTo(200);
        assertThat(AdminApi.call(server, "PUT", "govmail/spam/lists/" + USER + "/block/@ca-nhan-chan.example", null).statusCode()).isEqualTo(200);
        try {
            try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
                assertThat(smtp.send("EHLO mx.example")).startsWith("250");
                assertThat(smtp.send("MAIL FROM:<tin@nhom-chan.example>")).startsWith("250");
                assertThat(smtp.send("RCPT TO:<" + group + ">")).startsWith("550 5.7.1").contains("block list");
                assertThat(smtp.send("RCPT TO:<" + USER + ">")).as("the group's list is the group's only").startsWith("250");
                assertThat(smtp.send("RSET")).startsWith("250");
                assertThat(smtp.send("MAIL FROM:<tin@mien-chan.example>")).startsWith("250");
                assertThat(smtp.send("RCPT TO:<" + group + ">")).startsWith("550 5.7.1").contains("block list");
                assertThat(smtp.send("RSET")).startsWith("250");
                assertThat(smtp.send("MAIL FROM:<tin@ca-nhan-chan.example>")).startsWith("250");
                assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("550 5.7.1");
                assertThat(smtp.send("RCPT TO:<" + group + ">")).as("one member's list does not refuse the group's mail").startsWith("250");
            }
            try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, "127.0.0.20")) {   // an outside mail server
                assertThat(smtp.send("EHLO mx.grey-group.example")).startsWith("250");
                assertThat(smtp.send("MAIL FROM:<tin@grey-group.example>")).startsWith("250");
                assertThat(smtp.send("RCPT TO:<" + group + ">")).startsWith("451 4.7.1").contains("Greylisted").contains(group);
            }
        } finally {
            AdminApi.call(server, "DELETE", "govmail/spam/lists/" + domain + "/@mien-chan.example", null);
            AdminApi.call(server, "DELETE", "govmail/spam/lists/" + USER + "/@ca-nhan-chan.example", null);
        }
    }

    /**
     * Quarantine listings are pages of a database query: newest first, offset/limit, filtered by user, domain and
     * date, the total in X-Total-Count, for the admin (REST, CLI) and the user (user API); bad parameters are 400s.
     * Mail quarantined before the index existed (its rows removed here) is listed again after a restart.
     */
    @Test
    @Order(15)
    void quarantineListingsArePagedAndFilteredByTheDatabase() throws Exception {
        String[] markers = {token(), token(), token()};
        Instant beforeSecond = null;
        for (int i = 0; i < markers.length; i++) {
            if (i == 1) {
                Thread.sleep(50);
                beforeSecond = Instant.now();
                Thread.sleep(50);
            }
            assertThat(sendRaw(attachmentMessage("Trang " + markers[i], "trang.docm",
                "application/vnd.ms-word.document.macroEnabled.12", "PK not really".getBytes(StandardCharsets.US_ASCII)))).startsWith("250");
            awaitQuarantined(markers[i]);
        }
        String user = java.net.URLEncoder.encode(USER, StandardCharsets.UTF_8);
        var first = AdminApi.call(server, "GET", "govmail/quarantine?user=" + user + "&limit=2", null);
        assertThat(first.statusCode()).isEqualTo(200);
        long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(count(first.body(), "\"key\"")).isEqualTo(2);
        // newest first: the third mail, then the second
        assertThat(first.body()).contains(markers[2]).contains(markers[1]).doesNotContain(markers[0]);
        assertThat(first.body().indexOf(markers[2])).isLessThan(first.body().indexOf(markers[1]));
        var second = AdminApi.call(server, "GET", "govmail/quarantine?user=" + user + "&limit=2&offset=2", null);
        assertThat(second.body()).contains(markers[0]).doesNotContain(markers[1]).doesNotContain(markers[2]);

        var since = AdminApi.call(server, "GET", "govmail/quarantine?domain=demo.gov.vn&since=" + beforeSecond, null);
        assertThat(since.body()).contains(markers[1]).contains(markers[2]).doesNotContain(markers[0]);
        assertThat(since.headers().firstValue("X-Total-Count")).contains("2");
        var before = AdminApi.call(server, "GET", "govmail/quarantine?domain=demo.gov.vn&before=" + beforeSecond, null);
        assertThat(before.body()).contains(markers[0]).doesNotContain(markers[1]);
        assertThat(AdminApi.call(server, "GET", "govmail/quarantine?domain=other.example", null).body()).isEqualTo("[]");

        var badLimit = AdminApi.call(server, "GET", "govmail/quarantine?limit=0", null);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit must be between 1 and 1000");
        var badDay = AdminApi.call(server, "GET", "govmail/quarantine?since=hom-qua", null);
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("is neither a day");

        String session = userSession(USER);
        var mine = AdminApi.call(server, "GET", "govmail/me/quarantine?limit=1", null, session);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(count(mine.body(), "\"key\"")).isEqualTo(1);
        assertThat(mine.body()).contains(markers[2]);
        assertThat(mine.headers().firstValue("X-Total-Count")).contains(Long.toString(total));
        assertThat(AdminApi.call(server, "GET", "govmail/me/quarantine?offset=-1", null, session).statusCode()).isEqualTo(400);

        ExternalCommand cli = server.cli("quarantine", "list", USER, "--limit", "1");
        assertThat(cli.exitCode()).as(cli.output()).isZero();
        assertThat(cli.output()).contains(markers[2]).doesNotContain(markers[1]).contains("--offset 1");
        ExternalCommand cliSince = server.cli("quarantine", "list", "demo.gov.vn", "--since", beforeSecond.toString());
        assertThat(cliSince.output()).contains(markers[1]).doesNotContain(markers[0]);
        assertThat(server.cli("quarantine", "list", "--limit").exitCode()).isEqualTo(2);

        // mail quarantined before the index existed: listed again from the repository at the next start
        var jdbc = java.util.regex.Pattern.compile("\\((jdbc:postgresql://[^ ?]+)").matcher(server.log());
        assertThat(jdbc.find()).isTrue();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbc.group(1), "postgres", "");
             java.sql.Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("DELETE FROM govmail_quarantine_entry")).isGreaterThanOrEqualTo(3);
        }
        assertThat(AdminApi.call(server, "GET", "govmail/quarantine?user=" + user, null).body()).isEqualTo("[]");
        server.kill9();
        server.start();
        var reindexed = AdminApi.call(server, "GET", "govmail/quarantine?user=" + user, null);
        assertThat(reindexed.body()).contains(markers[0]).contains(markers[1]).contains(markers[2]);
        assertThat(reindexed.headers().firstValue("X-Total-Count")).contains(Long.toString(total));
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    // ---- helpers ----

    private static long lastDialogMillis;

    /** Opens a session from this client address, noting in {@link #lastDialogMillis} how long the greeting took. */
    private static SmtpDialog timedDialog(String clientAddress) throws Exception {
        long start = System.nanoTime();
        SmtpDialog smtp = new SmtpDialog(server.smtpPort, clientAddress);
        lastDialogMillis = (System.nanoTime() - start) / 1_000_000;
        return smtp;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

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
    private static String sendRaw(String message) throws Exception {
        return sendRaw("127.0.0.1", "bounce@sender.example", message);
    }

    /** One SMTP transaction on port 25 from a loopback address (the client IP the server sees); answers the reply to the final dot. */
    private static String sendRaw(String clientAddress, String mailFrom, String message) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort, clientAddress)) {
            assertThat(smtp.send("EHLO mail.sender.example")).startsWith("250");
            assertThat(smtp.send("MAIL FROM:<" + mailFrom + ">")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<" + USER + ">")).startsWith("250");
            assertThat(smtp.send("DATA")).startsWith("354");
            smtp.write((message.replace("\r\n.", "\r\n..") + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
            String reply = smtp.reply();
            smtp.send("QUIT");
            return reply;
        }
    }

    /** One SMTP transaction on port 25 from 127.0.0.1 to these recipients (USER when none); answers the reply to the final dot. */
    private static String sendRawTo(String message, String... recipients) throws Exception {
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

package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Quota warnings, message-count and per-domain limits, deletion with export, forced password change: through SMTP,
 * IMAP, the admin REST API and the packaged CLI of one running server.
 */
class AccountLifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARNING_SUBJECT = "Cảnh báo: hộp thư đã dùng";
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MailServerProcess.startEmbedded("lifecycle");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void quotaWarningsComeOncePerCrossingAt80And95PercentAndAgainAfterDroppingBelow() throws Exception {
        String user = createUser("canhbao");
        assertThat(admin("PUT", "quota/users/" + user + "/size", "150000").statusCode()).isEqualTo(204);

        fillUntil(user, 0.80, 12000);
        awaitWarnings(user, 1);
        Message warning = warnings(user).get(0);
        assertThat(warning.getSubject()).isEqualTo("Cảnh báo: hộp thư đã dùng 80% dung lượng / Warning: your mailbox is 80% full");
        assertThat(((InternetAddress) warning.getFrom()[0]).getAddress()).isEqualTo("postmaster@demo.gov.vn");
        String text = (String) warning.getContent();
        assertThat(text.indexOf("Hộp thư của bạn đã sử dụng 80%")).as("Vietnamese first").isGreaterThanOrEqualTo(0)
            .isLessThan(text.indexOf("Your mailbox has used 80%"));

        fillUntil(user, 0.95, 2000); // several deliveries between 80 % and 95 %: still one warning until 95 % is crossed
        awaitWarnings(user, 2);
        assertThat(warnings(user).get(1).getSubject()).contains("95%");

        // The user makes room (below 80 %), then fills up again: a new warning for the new crossing.
        deleteAllButWarnings(user);
        awaitUsageBelow(user, 0.80);
        fillUntil(user, 0.80, 12000);
        awaitWarnings(user, 3);
        Thread.sleep(1500);
        assertThat(warnings(user)).as("exactly one warning per crossing").hasSize(3);
    }

    @Test
    void messageCountAndDomainLimitsAreSetByTheCliAndEnforcedAtSmtp() throws Exception {
        assertThat(admin("PUT", "domains/soyte.gov.vn", null).statusCode()).isEqualTo(204);
        String user = "bacsi@soyte.gov.vn";
        assertThat(admin("PUT", "users/" + user, "{\"password\":\"" + MailServerProcess.PASSWORD + "\"}").statusCode()).isEqualTo(204);

        ExternalCommand global = server.cli("quota", "show", "global");
        assertThat(global.output()).as("defaults from govmail.properties").contains("\"count\":500000").contains("\"size\":1073741824");

        ExternalCommand bad = server.cli("quota", "set", "soyte.gov.vn", "--storage", "1,5 GB");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).contains("--storage").contains("'1,5 GB' is not a size");
        ExternalCommand set = server.cli("quota", "set", "soyte.gov.vn", "--storage", "5M", "--messages", "2", "--max-message-size", "20K");
        assertThat(set.exitCode()).as(set.output()).isZero();
        assertThat(server.cli("quota", "show", "soyte.gov.vn").output()).contains("\"count\":2").contains("\"maxMessageSize\":20480");

        deliver(user, "mot", "x");
        deliver(user, "hai", "x");
        awaitUsage(user, 2);
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + user + ">")).as("domain message count reached").startsWith("452 4.2.2");
        }
        assertThat(server.cli("quota", "set", user, "--messages", "10").exitCode()).isZero();
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org> SIZE=30000");
            assertThat(smtp.send("RCPT TO:<" + user + ">")).as("declared size over the domain's limit").startsWith("552 5.3.4");
            assertThat(smtp.send("RCPT TO:<" + MailServerProcess.demoUser("nguyenvana") + ">")).startsWith("250");
        }
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + user + ">")).as("the user's own count allows more").startsWith("250");
            smtp.send("DATA");
            smtp.write(("Subject: lon\r\n\r\n" + ("y".repeat(98) + "\r\n").repeat(250)).getBytes(StandardCharsets.US_ASCII));
            assertThat(smtp.send(".")).as("undeclared size over the domain's limit").startsWith("552 5.3.4");
        }
        assertThat(admin("PUT", "govmail/domains/soyte.gov.vn/max-message-size", "1,5 GB").statusCode()).isEqualTo(400);
        assertThat(server.cli("quota", "unset", "soyte.gov.vn", "--max-message-size").exitCode()).isZero();
        assertThat(admin("GET", "govmail/domains/soyte.gov.vn/max-message-size", null).statusCode()).isEqualTo(404);
    }

    @Test
    void deletionAsksForConfirmationExportsTheMailThenRemovesEverything() throws Exception {
        String user = createUser("nghiviec");
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            // the rewrite table's cache now remembers "no mapping" for this address; adding the alias must forget it
            assertThat(smtp.send("RCPT TO:<" + MailServerProcess.demoUser("bidanh") + ">")).as("no alias yet").startsWith("550 5.1.1");
        }
        assertThat(admin("PUT", "address/aliases/" + user + "/sources/" + MailServerProcess.demoUser("bidanh"), null).statusCode()).isEqualTo(204);
        deliver(user, "Công văn số 12", "nội dung một");
        deliver(MailServerProcess.demoUser("bidanh"), "From the alias", "From the start of a line must be quoted");
        awaitUsage(user, 2);

        HttpResponse<String> ask = admin("DELETE", "govmail/users/" + user, null);
        assertThat(ask.statusCode()).isEqualTo(409);
        JsonNode plan = JSON.readTree(ask.body());
        assertThat(plan.path("willDelete").path("messages").asLong()).isEqualTo(2);
        assertThat(plan.path("willDelete").path("aliasesAndGroupsPointingHere").toString()).contains("bidanh@demo.gov.vn");
        assertThat(admin("DELETE", "govmail/users/" + user + "?confirm=wrong", null).statusCode()).isEqualTo(409);
        assertThat(admin("HEAD", "users/" + user, null).statusCode()).as("still there").isEqualTo(200);

        ExternalCommand askCli = server.cli("user", "delete", user);
        assertThat(askCli.exitCode()).isEqualTo(1);
        assertThat(askCli.output()).contains("mailbox INBOX: 2 messages").contains("bidanh@demo.gov.vn");
        String token = askCli.output().replaceAll("(?s).*--confirm ([0-9a-f]+).*", "$1");
        ExternalCommand delete = server.cli("user", "delete", user, "--confirm", token);
        assertThat(delete.exitCode()).as(delete.output()).isZero();
        Path export = Path.of(delete.output().replaceAll("(?s).*exported to (\\S+) on the server.*", "$1"));
        assertThat(export.toString()).contains("var/exports");

        // A parser nobody here wrote reads the archive.
        ExternalCommand parsed = ExternalCommand.run(List.of("python3", "-c", """
            import mailbox, sys
            from email.header import decode_header, make_header
            box = mailbox.mbox(sys.argv[1])
            print(len(box))
            for message in box:
                print(str(make_header(decode_header(message['subject']))))
                print(message.get_payload(decode=True).decode('utf-8', 'replace').strip())
            """, export.resolve("INBOX.mbox").toString()));
        assertThat(parsed.exitCode()).as(parsed.output()).isZero();
        assertThat(parsed.output()).startsWith("2\n").contains("Công văn số 12").contains("nội dung một")
            .contains("From the start of a line must be quoted");
        assertThat(Files.exists(export.resolve("Sent.mbox"))).as("every folder is exported").isTrue();

        Store store = MailClients.imaps().getStore("imaps");
        assertThatThrownBy(() -> store.connect("127.0.0.1", server.imapsPort, user, MailServerProcess.PASSWORD))
            .isInstanceOf(AuthenticationFailedException.class);
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + user + ">")).startsWith("550 5.1.1");
            assertThat(smtp.send("RCPT TO:<" + MailServerProcess.demoUser("bidanh") + ">")).as("its alias went too").startsWith("550 5.1.1");
        }
        assertThat(server.cli("audit", "20").output()).contains("DELETE /govmail/users/" + user + "?confirm=" + token + "  -> 200");
    }

    @Test
    void forcedPasswordChangeBlocksTheOldPasswordUntilTheUserChangesIt() throws Exception {
        String user = createUser("doimatkhau");
        ExternalCommand force = server.cli("user", "force-password-change", user);
        assertThat(force.exitCode()).as(force.output()).isZero();

        Store store = MailClients.imaps().getStore("imaps");
        assertThatThrownBy(() -> store.connect("127.0.0.1", server.imapsPort, user, MailServerProcess.PASSWORD))
            .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("[ALERT]").hasMessageContaining("Password change required");
        Store wrong = MailClients.imaps().getStore("imaps");
        assertThatThrownBy(() -> wrong.connect("127.0.0.1", server.imapsPort, user, "not-the-password"))
            .isInstanceOf(AuthenticationFailedException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain("Password change"));
        assertThatThrownBy(() -> MailClients.submitText(server, user, user, "x", "x", "x"))
            .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("535").hasMessageContaining("Password change required");

        // Self-service, as the webmail does it: no admin token, the current password authenticates.
        String change = "{\"user\":\"" + user + "\",\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}";
        assertThat(AdminApi.call(server, "POST", "govmail/account/password", change.formatted("sai-mat-khau", "Mat-khau-moi-2026"), null)
            .statusCode()).isEqualTo(401);
        assertThat(AdminApi.call(server, "POST", "govmail/account/password", change.formatted(MailServerProcess.PASSWORD, "123456"), null)
            .statusCode()).isEqualTo(400);
        HttpResponse<String> changed = AdminApi.call(server, "POST", "govmail/account/password",
            change.formatted(MailServerProcess.PASSWORD, "Mat-khau-moi-2026"), null);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        try (Store fresh = MailClients.imaps().getStore("imaps")) {
            fresh.connect("127.0.0.1", server.imapsPort, user, "Mat-khau-moi-2026");
        }
        assertThat(AdminApi.call(server, "POST", "govmail/users/" + user + "/force-password-change", null, null).statusCode())
            .as("admin routes still need the token").isEqualTo(401);

        // The admin's reset also ends a forced change.
        assertThat(server.cli("user", "force-password-change", user).exitCode()).isZero();
        ExternalCommand reset = server.cli("user", "reset-password", user, "Mat-khau-cap-lai-2026");
        assertThat(reset.exitCode()).as(reset.output()).isZero();
        try (Store fresh = MailClients.imaps().getStore("imaps")) {
            fresh.connect("127.0.0.1", server.imapsPort, user, "Mat-khau-cap-lai-2026");
        }
        assertThat(server.cli("audit", "30").output()).contains("user:" + user + "@127.0.0.1  POST /govmail/account/password  -> 200")
            .contains("POST /govmail/users/" + user + "/force-password-change  -> 200");
    }

    @Test
    void accountsWrittenInBatchesByTheImportLogInAndAreNotImportedTwice() throws Exception {
        StringBuilder csv = new StringBuilder("email,ho_ten,don_vi,chuc_vu,mat_khau\n");
        for (int index = 1; index <= 260; index++) { // two batches of the import job
            csv.append("nhap").append(index).append("@demo.gov.vn,Nguyễn Văn ").append(index).append(",Sở Y tế,Chuyên viên,")
                .append(index == 260 ? "Mat-khau-nhap-2026" : "").append('\n');
        }
        Path file = server.workDirectory().resolve("nhap.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        ExternalCommand imported = server.cli("import", file.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("Import done: 260 accounts created, 0 failed");
        Path passwords = Path.of(imported.output().replaceAll("(?s).*Initial passwords of the new accounts: (\\S+).*", "$1"));
        String line = Files.readAllLines(passwords).stream().filter(l -> l.startsWith("nhap7@")).findFirst().orElseThrow();
        try (Store store = MailClients.imaps().getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, "nhap7@demo.gov.vn", line.substring(line.indexOf(',') + 1));
        }
        try (Store store = MailClients.imaps().getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, "nhap260@demo.gov.vn", "Mat-khau-nhap-2026");
        }
        assertThat(server.cli("import", file.toString()).output()).contains("260 already exist (skipped)");
    }

    private static String createUser(String localPart) throws Exception {
        String user = MailServerProcess.demoUser(localPart);
        assertThat(admin("PUT", "users/" + user, "{\"password\":\"" + MailServerProcess.PASSWORD + "\"}").statusCode()).isEqualTo(204);
        assertThat(admin("POST", "govmail/users/" + user + "/folders", null).statusCode()).isEqualTo(200);
        return user;
    }

    /** Delivers messages of about {@code bodySize} bytes until the storage ratio reaches {@code ratio}. */
    private static void fillUntil(String user, double ratio, int bodySize) throws Exception {
        while (usage(user).path("ratio").path("size").asDouble() < ratio) {
            long count = usage(user).path("count").asLong();
            deliver(user, "filler " + count, ("z".repeat(78) + "\r\n").repeat(bodySize / 80));
            awaitUsage(user, count + 1);
        }
    }

    private static JsonNode usage(String user) throws Exception {
        return JSON.readTree(admin("GET", "quota/users/" + user, null).body()).path("occupation");
    }

    /** Waits until the account holds at least {@code count} messages (the warnings included). */
    private static void awaitUsage(String user, long count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (usage(user).path("count").asLong() < count) {
            assertThat(Instant.now()).as("usage of " + user + " reached " + count + " messages").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitUsageBelow(String user, double ratio) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (usage(user).path("ratio").path("size").asDouble() >= ratio) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitWarnings(String user, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (warningSubjects(user) < count) {
            assertThat(Instant.now()).as(count + " warnings for " + user).isBefore(deadline);
            Thread.sleep(200);
        }
        assertThat(warningSubjects(user)).isEqualTo(count);
    }

    private static long warningSubjects(String user) throws Exception {
        return MailboxInspector.subjects(server, user).stream().filter(subject -> subject != null && subject.startsWith(WARNING_SUBJECT)).count();
    }

    private static List<Message> warnings(String user) throws Exception {
        Store store = MailClients.openImaps(server, user);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        List<Message> found = new java.util.ArrayList<>();
        for (Message message : inbox.getMessages()) {
            if (message.getSubject() != null && message.getSubject().startsWith(WARNING_SUBJECT)) {
                found.add(new jakarta.mail.internet.MimeMessage((jakarta.mail.internet.MimeMessage) message));
            }
        }
        store.close();
        return found;
    }

    private static void deleteAllButWarnings(String user) throws Exception {
        try (Store store = MailClients.openImaps(server, user)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (Message message : inbox.getMessages()) {
                if (message.getSubject() == null || !message.getSubject().startsWith(WARNING_SUBJECT)) {
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            }
            inbox.close(true);
        }
    }

    private static void deliver(String recipient, String subject, String body) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + recipient + ">")).startsWith("250");
            smtp.send("DATA");
            String message = "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
            smtp.write(message.getBytes(StandardCharsets.UTF_8));
            assertThat(smtp.send(".")).startsWith("250");
        }
    }

    private static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return AdminApi.call(server, method, path, body);
    }
}

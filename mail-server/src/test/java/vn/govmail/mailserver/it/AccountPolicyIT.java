package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quotas enforced at RCPT and on APPEND, and disabled accounts, through SMTP, IMAP and the admin API. */
class AccountPolicyIT {
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MailServerProcess.startEmbedded("accounts");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void fullMailboxIsRefusedAtRcptWith452AndOnAppendWithOverquota() throws Exception {
        String user = MailServerProcess.demoUser("tranthib");
        assertThat(admin("PUT", "quota/users/" + user + "/size", "8000")).isEqualTo(204);
        deliver(user, "x".repeat(5000));
        awaitMessages(user, 1);
        // The IT center lowers the limit below what the mailbox already holds: it is now full.
        assertThat(admin("PUT", "quota/users/" + user + "/size", "4000")).isEqualTo(204);

        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + user + ">")).startsWith("452 4.2.2");
            assertThat(smtp.send("RCPT TO:<" + MailServerProcess.demoUser("nguyenvana") + ">")).startsWith("250");
        }

        try (Store store = MailClients.openImaps(server, user)) {
            IMAPFolder drafts = (IMAPFolder) store.getFolder("Drafts");
            drafts.open(Folder.READ_WRITE);
            MimeMessage draft = new MimeMessage(MailClients.imaps());
            draft.setSubject("bản nháp");
            draft.setText("nội dung", "UTF-8");
            assertThatThrownBy(() -> drafts.appendMessages(new Message[] {draft}))
                .isInstanceOf(MessagingException.class).hasMessageContaining("OVERQUOTA");
            jakarta.mail.Quota[] quotas = ((IMAPStore) store).getQuota("INBOX");
            jakarta.mail.Quota.Resource storage = java.util.Arrays.stream(quotas[0].resources)
                .filter(resource -> resource.name.equals("STORAGE")).findFirst().orElseThrow(); // MESSAGE is there too
            assertThat(storage.usage).isGreaterThanOrEqualTo(4);
        }

        assertThat(admin("DELETE", "quota/users/" + user + "/size", null)).isEqualTo(204);
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + user + ">")).as("back under the 1 GiB default").startsWith("250");
        }
    }

    @Test
    void disabledAccountReceivesNothingCannotLogInAndKeepsItsMail() throws Exception {
        String user = MailServerProcess.demoUser("vanthu");
        deliver(user, "thư trước khi khoá");
        awaitMessages(user, 1);

        assertThat(admin("POST", "govmail/users/" + user + "/disable?reason=nghi%20huu", null)).isEqualTo(200);
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + user + ">")).startsWith("550 5.2.1");
        }
        Store store = MailClients.imaps().getStore("imaps");
        assertThatThrownBy(() -> store.connect("127.0.0.1", server.imapsPort, user, MailServerProcess.PASSWORD))
            .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> MailClients.submitText(server, user, MailServerProcess.demoUser("nguyenvana"), "x", "x", "x"))
            .isInstanceOf(AuthenticationFailedException.class);
        assertThat(server.log()).contains("imap login refused-disabled user=" + user);

        assertThat(admin("POST", "govmail/users/" + user + "/enable", null)).isEqualTo(200);
        awaitMessages(user, 1); // the mail received before is still there
    }

    @Test
    void aliasDomainDeliversToTheRealDomain() throws Exception {
        // A merged province: the old domain stays one of ours and points at the new one.
        assertThat(admin("PUT", "domains/tinhcu.gov.vn", null)).isEqualTo(204);
        assertThat(admin("PUT", "domains/demo.gov.vn/aliases/tinhcu.gov.vn", null)).isEqualTo(204);
        String token = "alias-domain-" + System.nanoTime();
        deliver("nguyenvana@tinhcu.gov.vn", token);
        try (Store store = MailClients.openImaps(server, MailServerProcess.demoUser("nguyenvana"))) {
            long deadline = System.currentTimeMillis() + 30_000; // delivery is asynchronous after the 250
            while (!containsBody(store, token) && System.currentTimeMillis() < deadline) {
                Thread.sleep(300);
            }
            assertThat(containsBody(store, token)).isTrue();
        }
    }

    @Test
    void renamedAccountKeepsItsMailAndItsOldAddressWorksAsAlias() throws Exception {
        String old = MailServerProcess.demoUser("lethic");
        String renamed = MailServerProcess.demoUser("lethicuc");
        assertThat(admin("PUT", "users/" + old, "{\"password\":\"" + MailServerProcess.PASSWORD + "\"}")).isEqualTo(204);
        String before = "before-rename-" + System.nanoTime();
        deliver(old, before);
        awaitMessages(old, 1);

        assertThat(admin("POST", "govmail/users/" + old + "/rename/" + renamed, "{\"password\":\"Mat-khau-moi-2026\"}")).isEqualTo(200);
        assertThat(admin("POST", "govmail/users/" + old + "/rename/" + renamed, "{\"password\":\"x\"}")).as("old account is gone").isEqualTo(404);

        String after = "after-rename-" + System.nanoTime();
        deliver(old, after); // the old address is an alias now
        try (Store store = MailClients.imaps().getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, renamed, "Mat-khau-moi-2026");
            long deadline = System.currentTimeMillis() + 30_000;
            while (!(containsBody(store, before) && containsBody(store, after)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(300);
            }
            assertThat(containsBody(store, before)).as("mail from before the rename moved along").isTrue();
            assertThat(containsBody(store, after)).as("mail to the old address arrives").isTrue();
        }
        Store oldLogin = MailClients.imaps().getStore("imaps");
        assertThatThrownBy(() -> oldLogin.connect("127.0.0.1", server.imapsPort, old, MailServerProcess.PASSWORD))
            .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void currentQuotasCanBeRecomputedOnDemand() throws Exception {
        java.net.http.HttpResponse<String> task = AdminApi.call(server, "POST", "quota/users?task=RecomputeCurrentQuotas", null);
        assertThat(task.statusCode()).as(task.body()).isEqualTo(201);
        String taskId = task.body().replaceAll(".*\"taskId\":\"([^\"]+)\".*", "$1");
        java.net.http.HttpResponse<String> done = AdminApi.call(server, "GET", "tasks/" + taskId + "/await?timeout=60s", null);
        assertThat(done.body()).contains("\"status\":\"completed\"");
    }

    @Test
    void userSessionActsForItsOwnUserOnlyAndEndsWhenTheAccountIsDisabled() throws Exception {
        String user = MailServerProcess.demoUser("sessionuser");
        assertThat(admin("PUT", "users/" + user, "{\"password\":\"" + MailServerProcess.PASSWORD + "\"}")).isEqualTo(204);
        String credentials = "{\"user\":\"" + user + "\",\"password\":\"" + MailServerProcess.PASSWORD + "\"}";

        java.net.http.HttpResponse<String> wrong = AdminApi.call(server, "POST", "govmail/me/session",
            "{\"user\":\"" + user + "\",\"password\":\"not-it\"}", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong user name or password").doesNotContain("not-it");
        assertThat(AdminApi.call(server, "POST", "govmail/me/session", "{\"user\":\"" + user + "\"}", null).statusCode()).isEqualTo(400);

        java.net.http.HttpResponse<String> opened = AdminApi.call(server, "POST", "govmail/me/session", credentials, null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String token = opened.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(server.log()).contains("webapi login ok user=" + user).doesNotContain(token);

        java.net.http.HttpResponse<String> me = AdminApi.call(server, "GET", "govmail/me", null, token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"user\":\"" + user + "\"");
        assertThat(AdminApi.call(server, "GET", "users", null, token).statusCode()).as("admin routes are not for users").isEqualTo(403);
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, server.adminToken()).statusCode())
            .as("the admin token acts for no mailbox").isEqualTo(403);

        assertThat(admin("POST", "govmail/users/" + user + "/disable?reason=test", null)).isEqualTo(200);
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, token).statusCode()).isEqualTo(401);
        assertThat(AdminApi.call(server, "POST", "govmail/me/session", credentials, null).statusCode()).isEqualTo(401);
        assertThat(admin("POST", "govmail/users/" + user + "/enable", null)).isEqualTo(200);

        String second = AdminApi.call(server, "POST", "govmail/me/session", credentials, null).body()
            .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(AdminApi.call(server, "DELETE", "govmail/me/session", null, second).statusCode()).isEqualTo(204);
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, second).statusCode()).as("logged out").isEqualTo(401);

        // Ended sessions are routine (idle, restart): a burst of them must not lock the admin out of WebAdmin.
        for (int i = 0; i < 15; i++) {
            assertThat(AdminApi.call(server, "GET", "govmail/me", null, second).statusCode()).isEqualTo(401);
        }
        assertThat(admin("GET", "govmail/me/session", null)).as("the admin token still works").isNotEqualTo(429);
        assertThat(admin("GET", "domains", null)).isEqualTo(200);

        // An admin password reset ends the user's sessions (an intruder's too).
        String third = AdminApi.call(server, "POST", "govmail/me/session", credentials, null).body()
            .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(admin("POST", "govmail/users/" + user + "/reset-password", "{\"password\":\"Mat-khau-cap-lai-2026\"}")).isEqualTo(200);
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, third).statusCode()).as("reset ends the session").isEqualTo(401);

        // A deleted account's session ends with it.
        String fourth = AdminApi.call(server, "POST", "govmail/me/session",
            "{\"user\":\"" + user + "\",\"password\":\"Mat-khau-cap-lai-2026\"}", null).body()
            .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, fourth).statusCode()).isEqualTo(200);
        assertThat(admin("DELETE", "users/" + user, null)).isEqualTo(204);
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, fourth).statusCode()).as("deleted account").isEqualTo(401);
    }

    private static boolean containsBody(Store store, String token) throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            for (Message message : inbox.getMessages()) {
                Object content = message.getContent();
                if (content instanceof String text && text.contains(token)) {
                    return true;
                }
            }
            return false;
        } finally {
            inbox.close(false);
        }
    }

    private static void deliver(String recipient, String body) throws Exception {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + recipient + ">")).startsWith("250");
            smtp.send("DATA");
            smtp.write(("Subject: quota\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8));
            assertThat(smtp.send(".")).startsWith("250");
        }
    }

    private static void awaitMessages(String user, int count) throws Exception {
        try (Store store = MailClients.openImaps(server, user)) {
            assertThat(MailClients.awaitMessages(store, "INBOX", count, java.time.Duration.ofSeconds(30))).hasSizeGreaterThanOrEqualTo(count);
        }
    }

    private static int admin(String method, String path, String body) throws Exception {
        return AdminApi.call(server, method, path, body).statusCode();
    }
}

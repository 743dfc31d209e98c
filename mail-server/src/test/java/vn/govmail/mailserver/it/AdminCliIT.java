package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code govmail admin} (the packaged CLI, as its own process) against the running server. */
class AdminCliIT {
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MailServerProcess.startEmbedded("cli");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void domainUserAliasGroupAndDkimFromTheCommandLine() throws Exception {
        assertThat(cli("domain", "add", "laichau.gov.vn").exitCode()).isZero();
        assertThat(cli("domain", "list").output()).contains("laichau.gov.vn", "demo.gov.vn");

        ExternalCommand created = cli("user", "add", "nguyenvana@laichau.gov.vn");
        assertThat(created.exitCode()).as(created.output()).isZero();
        Matcher password = Pattern.compile("with password: (\\S+)").matcher(created.output());
        assertThat(password.find()).isTrue();
        try (Store store = MailClients.imaps().getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, "nguyenvana@laichau.gov.vn", password.group(1));
            assertThat(store.getFolder("Sent").exists()).isTrue();
            assertThat(store.getFolder("Junk").exists()).isTrue();
        }

        assertThat(cli("user", "passwd", "nguyenvana@laichau.gov.vn", "Mat-khau-moi-2026").exitCode()).isZero();
        try (Store store = MailClients.imaps().getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, "nguyenvana@laichau.gov.vn", "Mat-khau-moi-2026");
        }

        assertThat(cli("alias", "add", "vanthu.sotttt@laichau.gov.vn", "nguyenvana@laichau.gov.vn").exitCode()).isZero();
        assertThat(cli("alias", "list", "nguyenvana@laichau.gov.vn").output()).contains("vanthu.sotttt@laichau.gov.vn");
        assertThat(cli("group", "add", "lanhdao@laichau.gov.vn", "nguyenvana@laichau.gov.vn").exitCode()).isZero();
        assertThat(cli("group", "list", "lanhdao@laichau.gov.vn").output()).contains("nguyenvana@laichau.gov.vn");
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<vanthu.sotttt@laichau.gov.vn>")).as("alias accepted").startsWith("250");
            assertThat(smtp.send("RCPT TO:<lanhdao@laichau.gov.vn>")).as("group accepted").startsWith("250");
        }

        ExternalCommand dkim = cli("dkim", "generate", "laichau.gov.vn");
        assertThat(dkim.exitCode()).isZero();
        assertThat(dkim.output()).containsPattern("govmail\\._domainkey\\.laichau\\.gov\\.vn\\. IN TXT \"v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}\"");

        assertThat(cli("domain", "alias", "add", "laichau-cu.gov.vn", "laichau.gov.vn").exitCode()).isZero();
        assertThat(cli("domain", "alias", "list", "laichau.gov.vn").output()).contains("laichau-cu.gov.vn");

        ExternalCommand rename = cli("user", "rename", "nguyenvana@laichau.gov.vn", "nguyenvanan@laichau.gov.vn", "Mat-khau-2027");
        assertThat(rename.exitCode()).as(rename.output()).isZero();
        assertThat(cli("user", "list").output()).contains("nguyenvanan@laichau.gov.vn").doesNotContain("nguyenvana@laichau.gov.vn");
        try (Store store = MailClients.imaps().getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, "nguyenvanan@laichau.gov.vn", "Mat-khau-2027");
        }
        ExternalCommand askDelete = cli("user", "delete", "nguyenvanan@laichau.gov.vn");
        assertThat(askDelete.exitCode()).as("nothing deleted without the confirmation").isEqualTo(1);
        String token = askDelete.output().replaceAll("(?s).*--confirm ([0-9a-f]+).*", "$1");
        ExternalCommand delete = cli("user", "delete", "nguyenvanan@laichau.gov.vn", "--confirm", token);
        assertThat(delete.exitCode()).as(delete.output()).isZero();
        assertThat(delete.output()).contains("var/exports");
        assertThat(cli("user", "list").output()).doesNotContain("nguyenvanan@laichau.gov.vn");

        String audit = cli("audit", "100").output();
        assertThat(audit).contains("admin-token@127.0.0.1  PUT /domains/laichau.gov.vn  -> 204")
            .contains("DELETE /govmail/users/nguyenvanan@laichau.gov.vn  -> 409")
            .contains("DELETE /govmail/users/nguyenvanan@laichau.gov.vn?confirm=" + token + "  -> 200")
            .contains("POST /govmail/users/nguyenvana@laichau.gov.vn/rename/nguyenvanan@laichau.gov.vn  -> 200")
            .contains("POST /govmail/dkim/laichau.gov.vn  -> 201")
            .doesNotContain("Mat-khau-moi-2026").doesNotContain("Mat-khau-2027");
    }

    @Test
    void theAdminApiNeedsTheTokenEvenOnLoopback() throws Exception {
        assertThat(AdminApi.call(server, "GET", "users", null, null).statusCode()).isEqualTo(401);
        assertThat(AdminApi.call(server, "PUT", "domains/attacker.example", null, "wrong-token").statusCode()).isEqualTo(401);
        assertThat(AdminApi.call(server, "GET", "users", null).statusCode()).isEqualTo(200);
        assertThat(AdminApi.call(server, "GET", "domains/attacker.example", null).statusCode()).as("nothing was created").isEqualTo(404);

        ExternalCommand wrongToken = ExternalCommand.run(MailServerProcess.cliCommand(List.of("user", "list"), server.adminUrl(), "wrong-token"));
        assertThat(wrongToken.exitCode()).isEqualTo(1);
        assertThat(wrongToken.output()).contains("Authorization: Bearer");
    }

    @Test
    void badInputGetsAClearMessageAndANonZeroExit() throws Exception {
        ExternalCommand unknownDomain = cli("user", "add", "someone@khongco.gov.vn", "Passw0rd-123");
        assertThat(unknownDomain.exitCode()).isEqualTo(1);
        assertThat(unknownDomain.output()).contains("govmail admin:").contains("Domain does not exist").doesNotContain("Exception");

        ExternalCommand badDomain = cli("domain", "add", "bad..domain");
        assertThat(badDomain.exitCode()).isEqualTo(1);
        assertThat(badDomain.output()).contains("bad..domain");

        ExternalCommand duplicate = cli("user", "add", MailServerProcess.demoUser("tranthib"), "Passw0rd-123");
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.output()).contains("already exists");

        ExternalCommand weak = cli("user", "add", MailServerProcess.demoUser("moi"), "123456");
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.output()).contains("Password refused").contains("shorter than 10 characters");
        assertThat(cli("user", "list").output()).doesNotContain(MailServerProcess.demoUser("moi"));

        ExternalCommand usage = cli("user", "add");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("expected ADDRESS");

        ExternalCommand noDkim = cli("dkim", "show", "demo.gov.vn");
        assertThat(noDkim.exitCode()).isEqualTo(1);
        assertThat(noDkim.output()).contains("no DKIM key yet");

        ExternalCommand unreachable = ExternalCommand.run(MailServerProcess.cliCommand(List.of("domain", "list"), "http://127.0.0.1:" + MailServerProcess.freePort() + "/",
            server.adminToken()));
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.output()).contains("is the server running?");
    }

    private static ExternalCommand cli(String... arguments) throws Exception {
        return server.cli(arguments);
    }
}

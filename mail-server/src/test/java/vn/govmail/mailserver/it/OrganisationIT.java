package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Organisation tree, distribution groups, role mailboxes and reports through the real REST API, the packaged CLI,
 * SMTP and IMAP (Jakarta Mail and python3 imaplib), against one server on PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrganisationIT {
    private static final String PASSWORD = MailServerProcess.PASSWORD;
    private static MailServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = MailServerProcess.startEmbedded("organisation");
        // The IT center defines the tree first; the import's unit column then finds units whatever their case or Unicode form.
        assertThat(server.cli("unit", "add", "Sở Nội vụ/Phòng Tổ chức").exitCode()).isZero();
        Path csv = server.workDirectory().resolve("units.csv");
        String noiVuDecomposed = Normalizer.normalize("Sở Nội vụ", Normalizer.Form.NFD); // as some keyboards type it
        Files.write(csv, List.of(
            "email,ho_ten,don_vi,chuc_vu,mat_khau",
            "tochuc1@demo.gov.vn,Lê Văn Tổ Chức,Sở Nội vụ/Phòng Tổ chức,Trưởng phòng," + PASSWORD,
            "tochuc2@demo.gov.vn,Phạm Thị Hoa,Sở Nội vụ/Phòng Tổ chức,Chuyên viên," + PASSWORD,
            "giamdoc@demo.gov.vn,Đặng Quốc Giám,SỞ NỘI VỤ,Giám đốc," + PASSWORD,
            "vanthu.sonoivu@demo.gov.vn,Văn thư Sở Nội vụ," + noiVuDecomposed + ",Văn thư," + PASSWORD,
            "xa1@demo.gov.vn,Hoàng Văn Xã,UBND xã Bình Lư,Chủ tịch," + PASSWORD), StandardCharsets.UTF_8);
        ExternalCommand imported = server.cli("import", csv.toString());
        assertThat(imported.output()).as(imported.output()).contains("5 accounts created");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    @Order(1)
    void importPlacesAccountsInUnitsAndUnitsCanBeSearchedRenamedAndMoved() throws Exception {
        String units = AdminApi.call(server, "GET", "govmail/units", null).body();
        assertThat(units).contains("\"path\":\"Sở Nội vụ/Phòng Tổ chức\"", "\"path\":\"UBND xã Bình Lư\"");
        assertThat(Pattern.compile("\"name\":\"[^\"]*\"").matcher(units).results()
            .filter(name -> name.group().toLowerCase().contains("nội vụ") || name.group().contains("NỘI")).count())
            .as("one Sở Nội vụ whatever the case or Unicode form: " + units).isEqualTo(1);

        assertThat(get("govmail/units?q=so%20noi%20vu")).contains("Sở Nội vụ/Phòng Tổ chức").doesNotContain("Bình Lư");
        assertThat(server.cli("unit", "users", "so noi vu").output())
            .contains("tochuc1@demo.gov.vn", "tochuc2@demo.gov.vn", "giamdoc@demo.gov.vn", "vanthu.sonoivu@demo.gov.vn")
            .doesNotContain("xa1@demo.gov.vn");
        String noiVuId = unitId("Sở Nội vụ");
        assertThat(get("govmail/units/" + noiVuId + "/users?q=PHAM%20thi")).contains("\"username\":\"tochuc2@demo.gov.vn\",\"displayName\":\"Phạm Thị Hoa\"")
            .doesNotContain("tochuc1");

        HttpResponse<String> renamed = AdminApi.call(server, "PATCH", "govmail/units/" + unitId("Sở Nội vụ/Phòng Tổ chức"), "{\"name\": \"Phòng Tổ chức cán bộ\"}");
        assertThat(renamed.body()).as(renamed.body()).contains("\"path\":\"Sở Nội vụ/Phòng Tổ chức cán bộ\"");
        assertThat(AdminApi.call(server, "POST", "govmail/units", "{\"path\": \"Huyện Mường Tè\"}").statusCode()).isEqualTo(201);
        ExternalCommand moved = server.cli("unit", "move", "UBND xã Bình Lư", "Huyện Mường Tè");
        assertThat(moved.output()).as(moved.output()).contains("Huyện Mường Tè/UBND xã Bình Lư");
        assertThat(server.cli("unit", "users", "huyen muong te").output()).contains("xa1@demo.gov.vn\tHoàng Văn Xã");
        try (Store store = MailClients.openImaps(server, "xa1@demo.gov.vn")) {
            assertThat(store.getFolder("INBOX").exists()).as("mail untouched by the move").isTrue();
        }

        HttpResponse<String> cycle = AdminApi.call(server, "PATCH", "govmail/units/" + noiVuId, "{\"parent\": \"Sở Nội vụ/Phòng Tổ chức cán bộ\"}");
        assertThat(cycle.statusCode()).isEqualTo(409);
        assertThat(cycle.body()).contains("sub-units");
        HttpResponse<String> notEmpty = AdminApi.call(server, "DELETE", "govmail/units/" + noiVuId, null);
        assertThat(notEmpty.statusCode()).isEqualTo(409);
        assertThat(notEmpty.body()).contains("has sub-units");
        HttpResponse<String> unknown = AdminApi.call(server, "PUT", "govmail/users/xa1@demo.gov.vn/unit", "{\"unit\": \"Sở Không Có\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unit: unknown unit 'Sở Không Có'");
        assertThat(AdminApi.call(server, "POST", "govmail/units", "{\"path\": ").statusCode()).isEqualTo(400);
        assertThat(AdminApi.call(server, "POST", "govmail/units", "{\"path\": \"Sở Nội Vụ\"}").statusCode()).as("duplicate").isEqualTo(409);
        assertThat(server.cli("audit", "100").output()).contains("PATCH /govmail/units/" + noiVuId + "  -> 409");
    }

    @Test
    @Order(2)
    void groupMailReachesEachMemberOnceThroughNestedGroupsAndUnits() throws Exception {
        ExternalCommand first = server.cli("group", "add", "truongphong@demo.gov.vn", "tochuc1@demo.gov.vn");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(AdminApi.call(server, "PUT", "govmail/groups/lanhdao@demo.gov.vn", "{\"senderPolicy\": \"members\"}").statusCode()).isEqualTo(201);
        assertThat(AdminApi.call(server, "POST", "govmail/groups/lanhdao@demo.gov.vn/members", "{\"group\": \"truongphong@demo.gov.vn\"}").statusCode())
            .isEqualTo(201);
        assertThat(server.cli("group", "add", "lanhdao@demo.gov.vn", "unit:so noi vu/*").exitCode()).isZero();
        assertThat(AdminApi.call(server, "POST", "govmail/groups/lanhdao@demo.gov.vn/members", "{\"user\": \"nguyenvana@demo.gov.vn\"}").statusCode())
            .isEqualTo(201);
        assertThat(AdminApi.call(server, "POST", "govmail/groups/lanhdao@demo.gov.vn/members", "{\"user\": \"khongco@demo.gov.vn\"}").body())
            .contains("user: khongco@demo.gov.vn is not an account here");
        ExternalCommand cycle = server.cli("group", "add", "truongphong@demo.gov.vn", "lanhdao@demo.gov.vn");
        assertThat(cycle.exitCode()).isEqualTo(1);
        assertThat(cycle.output()).contains("would make a cycle");
        assertThat(server.cli("group", "list", "lanhdao@demo.gov.vn").output())
            .contains("group\ttruongphong@demo.gov.vn", "unit\tSở Nội vụ (with sub-units)")
            .contains("reaches: ").contains("tochuc2@demo.gov.vn").doesNotContain("xa1@demo.gov.vn");
        HttpResponse<String> taken = AdminApi.call(server, "PUT", "govmail/groups/tranthib@demo.gov.vn", "{}");
        assertThat(taken.statusCode()).as("an account's address cannot become a group").isEqualTo(409);

        // Not a member (port 25, or authenticated outsider): refused at RCPT. The "anyone" group takes mail from anyone.
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<lanhdao@demo.gov.vn>")).startsWith("550 5.7.1");
            assertThat(smtp.send("RCPT TO:<truongphong@demo.gov.vn>")).startsWith("250");
        }
        assertThatThrownBy(() -> MailClients.submitText(server, "xa1@demo.gov.vn", "lanhdao@demo.gov.vn", "Xin", "t", "x"))
            .isInstanceOf(SendFailedException.class).hasStackTraceContaining("5.7.1");

        // A member writes to the group and to tochuc1 directly: tochuc1 is reached three ways, and gets one copy.
        String token = UUID.randomUUID().toString();
        MailClients.submitText(server, "nguyenvana@demo.gov.vn", "lanhdao@demo.gov.vn, tochuc1@demo.gov.vn",
            "Họp giao ban lãnh đạo", token, "Kính gửi các đồng chí lãnh đạo.");
        for (String member : List.of("tochuc1", "tochuc2", "giamdoc", "vanthu.sonoivu", "nguyenvana")) {
            try (Store store = MailClients.openImaps(server, member + "@demo.gov.vn")) {
                assertThat(withToken(store, token, 1)).as(member).isEqualTo(1);
            }
        }
        try (Store store = MailClients.openImaps(server, "tochuc1@demo.gov.vn")) {
            Thread.sleep(1000);
            assertThat(withToken(store, token, 0)).as("one copy only").isEqualTo(1);
        }
        try (Store store = MailClients.openImaps(server, "xa1@demo.gov.vn")) {
            assertThat(withToken(store, token, 0)).isZero();
        }
    }

    @Test
    @Order(3)
    void membersOpenTheRoleMailboxWithTheirOwnPassword() throws Exception {
        ExternalCommand added = server.cli("role", "add", "vanthu.sonoivu@demo.gov.vn", "tochuc1@demo.gov.vn");
        assertThat(added.output()).as(added.output()).contains("vanthu.sonoivu*tochuc1@demo.gov.vn");
        assertThat(get("govmail/roles")).contains("{\"role\":\"vanthu.sonoivu@demo.gov.vn\",\"members\":[\"tochuc1@demo.gov.vn\"]}");
        String token = UUID.randomUUID().toString();
        MailClients.submitText(server, "nguyenvana@demo.gov.vn", "vanthu.sonoivu@demo.gov.vn", "Công văn đến", token, "Văn bản số 12");

        // Jakarta Mail: SASL PLAIN with an authorization identity.
        Properties properties = new Properties();
        properties.put("mail.imaps.ssl.trust", "*");
        properties.put("mail.imaps.sasl.enable", "true");
        properties.put("mail.imaps.sasl.mechanisms", "PLAIN");
        properties.put("mail.imaps.sasl.authorizationid", "vanthu.sonoivu@demo.gov.vn");
        try (Store store = Session.getInstance(properties).getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, "tochuc1@demo.gov.vn", PASSWORD);
            assertThat(withToken(store, token, 1)).isEqualTo(1);
        }

        // python3 imaplib: AUTHENTICATE PLAIN with authzid, and LOGIN role*member (what Thunderbird/Outlook can do).
        String script = """
            import imaplib, ssl, sys
            port, token, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
            def count(imap):
                imap.select('INBOX', readonly=True)
                return len(imap.search(None, 'HEADER', 'X-Govmail-Token', token)[1][0].split())
            imap = imaplib.IMAP4_SSL('127.0.0.1', port, ssl_context=ssl._create_unverified_context())
            imap.authenticate('PLAIN', lambda _: ('vanthu.sonoivu@demo.gov.vn\\0tochuc1@demo.gov.vn\\0' + password).encode())
            print('authzid', count(imap))
            imap.logout()
            imap = imaplib.IMAP4_SSL('127.0.0.1', port, ssl_context=ssl._create_unverified_context())
            imap.login('"vanthu.sonoivu*tochuc1@demo.gov.vn"', password)  # quoted, as Thunderbird sends it
            print('star-login', count(imap))
            imap.logout()
            for login in ['vanthu.sonoivu*tochuc2@demo.gov.vn', 'vanthu.sonoivu*tochuc1@demo.gov.vn']:
                imap = imaplib.IMAP4_SSL('127.0.0.1', port, ssl_context=ssl._create_unverified_context())
                try:
                    imap.login('"' + login + '"', password if 'tochuc2' in login else 'wrong-password')
                    print('allowed', login)
                except imaplib.IMAP4.error as e:
                    print('refused', login)
            """;
        Path file = server.workDirectory().resolve("role.py");
        Files.writeString(file, script);
        ExternalCommand python = ExternalCommand.run(List.of("python3", file.toString(), Integer.toString(server.imapsPort), token, PASSWORD));
        assertThat(python.output()).as(python.output())
            .contains("authzid 1", "star-login 1", "refused vanthu.sonoivu*tochuc2@demo.gov.vn", "refused vanthu.sonoivu*tochuc1@demo.gov.vn")
            .doesNotContain("allowed");

        // Members also send as the role mailbox (envelope and From header); others may not.
        sendAsRole("tochuc1@demo.gov.vn", token);
        assertThatThrownBy(() -> sendAsRole("tochuc2@demo.gov.vn", token)).hasStackTraceContaining("5.7.1");

        assertThat(AdminApi.call(server, "DELETE", "govmail/roles/vanthu.sonoivu@demo.gov.vn/members/tochuc1@demo.gov.vn", null).statusCode())
            .isEqualTo(204);
        assertThatThrownBy(() -> {
            try (Store store = Session.getInstance(properties).getStore("imaps")) {
                store.connect("127.0.0.1", server.imapsPort, "tochuc1@demo.gov.vn", PASSWORD);
            }
        }).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    @Order(4)
    void reportsPerDomainAndUnitAsJsonAndCsv() throws Exception {
        String domains = AdminApi.call(server, "GET", "govmail/reports/domains", null).body();
        Matcher demo = Pattern.compile("\\{\"domain\":\"demo.gov.vn\",\"accounts\":(\\d+),\"active30Days\":(\\d+),\"storageBytes\":(\\d+)")
            .matcher(domains);
        assertThat(demo.find()).as(domains).isTrue();
        assertThat(Integer.parseInt(demo.group(1))).isEqualTo(9);          // 4 demo accounts + 5 imported
        assertThat(Integer.parseInt(demo.group(2))).isGreaterThanOrEqualTo(6); // IMAP logins of the tests above
        assertThat(Long.parseLong(demo.group(3))).isPositive();

        ExternalCommand units = server.cli("report", "units", "--csv");
        assertThat(units.output()).as(units.output())
            .startsWith("unit,accounts,active30Days,storageBytes,messages\r\n")
            .containsPattern("\r\nSở Nội vụ,4,\\d+,[1-9]\\d*,[1-9]\\d*\r\n")
            .containsPattern("\r\nHuyện Mường Tè/UBND xã Bình Lư,1,1,")
            .contains("\r\n(no unit),4,");

        String top = get("govmail/reports/top?unit=so%20noi%20vu&limit=2");
        assertThat(Pattern.compile("\"username\"").matcher(top).results().count()).as(top).isEqualTo(2);
        assertThat(top).contains("\"unit\":\"Sở Nội vụ").doesNotContain("xa1@");
        assertThat(AdminApi.call(server, "GET", "govmail/reports/top?limit=abc", null).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void renamedAndDeletedAccountsKeepTheTreeAndGroupsConsistent() throws Exception {
        HttpResponse<String> renamed = AdminApi.call(server, "POST", "govmail/users/tochuc2@demo.gov.vn/rename/hoa.pham@demo.gov.vn",
            "{\"password\": \"" + PASSWORD + "\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(get("govmail/units/" + unitId("Sở Nội vụ/Phòng Tổ chức cán bộ") + "/users"))
            .contains("\"username\":\"hoa.pham@demo.gov.vn\",\"displayName\":\"Phạm Thị Hoa\"").doesNotContain("tochuc2@");

        assertThat(AdminApi.call(server, "DELETE", "users/giamdoc@demo.gov.vn", null).statusCode()).isEqualTo(204);
        assertThat(get("govmail/groups/lanhdao@demo.gov.vn")).contains("hoa.pham@demo.gov.vn").doesNotContain("giamdoc@", "tochuc2@");
        assertThat(get("govmail/units/" + unitId("Sở Nội vụ") + "/users")).doesNotContain("giamdoc@");
    }

    @Test
    @Order(6)
    void groupAddressesStayGroupsAndAliasesOfAGroupKeepItsSenderPolicy() throws Exception {
        // One account with its profile (as an import line would give it), through the CLI; an unknown unit is refused.
        ExternalCommand created = server.cli("user", "add", "chanhvp@demo.gov.vn", PASSWORD, "--name", "Trần Văn Chánh",
            "--title", "Chánh Văn phòng", "--unit", "so noi vu");
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(get("govmail/units/" + unitId("Sở Nội vụ") + "/users?subunits=false&q=chanh%20van%20phong"))
            .contains("\"username\":\"chanhvp@demo.gov.vn\",\"displayName\":\"Trần Văn Chánh\"");
        HttpResponse<String> unknownUnit = AdminApi.call(server, "PUT", "govmail/users/chanhvp@demo.gov.vn/profile",
            "{\"displayName\": \"Trần Văn Chánh\", \"unit\": \"Sở Không Có\"}");
        assertThat(unknownUnit.statusCode()).isEqualTo(400);
        assertThat(unknownUnit.body()).contains("unit: unknown unit 'Sở Không Có'");

        // An account, an alias or an imported line cannot take a group's address; a group cannot take an alias's.
        HttpResponse<String> account = AdminApi.call(server, "PUT", "users/lanhdao@demo.gov.vn", "{\"password\": \"" + PASSWORD + "\"}");
        assertThat(account.statusCode()).as(account.body()).isEqualTo(409);
        assertThat(account.body()).contains("lanhdao@demo.gov.vn").contains("distribution group");
        ExternalCommand cliAccount = server.cli("user", "add", "truongphong@demo.gov.vn", PASSWORD);
        assertThat(cliAccount.exitCode()).as(cliAccount.output()).isNotZero();
        assertThat(cliAccount.output()).contains("distribution group");
        HttpResponse<String> aliasAtGroup = AdminApi.call(server, "PUT", "address/aliases/hoa.pham@demo.gov.vn/sources/lanhdao@demo.gov.vn", null);
        assertThat(aliasAtGroup.statusCode()).as(aliasAtGroup.body()).isEqualTo(409);
        assertThat(AdminApi.call(server, "PUT", "address/groups/truongphong@demo.gov.vn/hoa.pham@demo.gov.vn", null).statusCode()).isEqualTo(409);
        assertThat(aliasAtGroup.body()).contains("distribution group");
        assertThat(server.cli("alias", "add", "vanphong@demo.gov.vn", "hoa.pham@demo.gov.vn").exitCode()).isZero();
        HttpResponse<String> groupAtAlias = AdminApi.call(server, "PUT", "govmail/groups/vanphong@demo.gov.vn", "{}");
        assertThat(groupAtAlias.statusCode()).as(groupAtAlias.body()).isEqualTo(409);
        assertThat(groupAtAlias.body()).contains("already an account or an alias");
        Path csv = server.workDirectory().resolve("taken.csv");
        Files.write(csv, List.of("email,ho_ten,don_vi,chuc_vu,mat_khau",
            "lanhdao@demo.gov.vn,Lãnh Đạo,Sở Nội vụ,Giám đốc," + PASSWORD,
            "vanphong@demo.gov.vn,Văn Phòng,Sở Nội vụ,Chuyên viên," + PASSWORD,
            "tochuc1@demo.gov.vn,Lê Văn Tổ Chức,Sở Nội vụ/Phòng Tổ chức cán bộ,Trưởng phòng," + PASSWORD), StandardCharsets.UTF_8);
        ExternalCommand dryRun = server.cli("import", csv.toString(), "--dry-run");
        assertThat(dryRun.exitCode()).isEqualTo(1);
        assertThat(dryRun.output()).as(dryRun.output())
            .contains("line 2: email 'lanhdao@demo.gov.vn' is already a distribution group")
            .contains("line 3: email 'vanphong@demo.gov.vn' is already an alias")
            .contains("0 accounts to create, 1 already exist (skipped), 2 lines refused");

        // Through an alias domain and an alias, the group is reached, with its sender policy ("members").
        assertThat(server.cli("domain", "alias", "add", "tinhcu.gov.vn", "demo.gov.vn").exitCode()).isZero();
        assertThat(server.cli("alias", "add", "lanhdao.cu@demo.gov.vn", "lanhdao@demo.gov.vn").exitCode()).isZero();
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<lanhdao@tinhcu.gov.vn>")).startsWith("550 5.7.1").contains("lanhdao@demo.gov.vn");
            assertThat(smtp.send("RCPT TO:<lanhdao.cu@demo.gov.vn>")).startsWith("550 5.7.1");
            assertThat(smtp.send("RCPT TO:<truongphong@tinhcu.gov.vn>")).startsWith("250");
        }
        String token = UUID.randomUUID().toString();
        MailClients.submitText(server, "nguyenvana@demo.gov.vn", "lanhdao@tinhcu.gov.vn, lanhdao.cu@demo.gov.vn",
            "Họp qua tên miền cũ", token, "Gửi tới nhóm qua tên miền cũ và bí danh.");
        for (String member : List.of("tochuc1", "hoa.pham", "nguyenvana")) {
            try (Store store = MailClients.openImaps(server, member + "@demo.gov.vn")) {
                assertThat(withToken(store, token, 1)).as(member).isEqualTo(1);
            }
        }

        // A Sieve redirect to the group is a new mail without an authenticated sender: held to the same policy.
        // xa1 (no member) redirects to the "members" group, tranthib to the "anyone" group (James's jSieve takes one
        // redirect per message: a second one in the same script is refused as a loop).
        for (String[] redirect : List.of(new String[] {"xa1", "lanhdao"}, new String[] {"tranthib", "truongphong"})) {
            HttpResponse<String> sieve = AdminApi.call(server, "PUT", "sieve/" + redirect[0] + "@demo.gov.vn/scripts/chuyentiep?activate=true",
                "redirect \"" + redirect[1] + "@demo.gov.vn\";\n");
            assertThat(sieve.statusCode()).as(sieve.body()).isEqualTo(204);
        }
        String redirected = UUID.randomUUID().toString();
        for (String user : List.of("xa1@demo.gov.vn", "tranthib@demo.gov.vn")) {
            try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
                smtp.send("EHLO sender.example.org");
                smtp.send("MAIL FROM:<>");
                assertThat(smtp.send("RCPT TO:<" + user + ">")).startsWith("250");
                assertThat(smtp.send("DATA")).startsWith("354");
                assertThat(smtp.send("From: someone@example.org\r\nTo: " + user + "\r\nSubject: chuyen tiep\r\nX-Govmail-Token: "
                    + redirected + "\r\n\r\nNoi dung.\r\n.")).startsWith("250");
            }
        }
        try (Store store = MailClients.openImaps(server, "tochuc1@demo.gov.vn")) {
            assertThat(withToken(store, redirected, 1)).as("the anyone group gets the redirected mail").isEqualTo(1);
        }
        try (Store store = MailClients.openImaps(server, "hoa.pham@demo.gov.vn")) {
            Thread.sleep(1000);
            assertThat(withToken(store, redirected, 0)).as("hoa.pham is in lanhdao only: the redirect to it was refused").isZero();
        }
        assertThat(server.log()).contains("to lanhdao@demo.gov.vn refused: The group <lanhdao@demo.gov.vn> accepts mail only from its members");

        ExternalCommand recount = server.cli("quota", "recompute");
        assertThat(recount.exitCode()).as(recount.output()).isZero();
        String task = recount.output().replaceAll("(?s).*\\(task ([^,]+),.*", "$1");
        assertThat(AdminApi.call(server, "GET", "tasks/" + task + "/await?timeout=60s", null).body()).contains("\"status\":\"completed\"");
    }

    @Test
    @Order(7)
    void usersFindTheirProvinceDirectoryWithoutDiacritics() throws Exception {
        // What the webmail's compose autocomplete asks: a mail user's session token, not the admin's.
        assertThat(server.cli("role", "add", "vanthu.sonoivu@demo.gov.vn", "hoa.pham@demo.gov.vn").exitCode()).isZero();
        assertThat(AdminApi.call(server, "PUT", "domains/khac.gov.vn", null).statusCode()).isEqualTo(204);
        assertThat(AdminApi.call(server, "PUT", "users/nguyen.khac@khac.gov.vn", "{\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(204);
        assertThat(AdminApi.call(server, "POST", "govmail/users/xa1@demo.gov.vn/disable?reason=test", null).statusCode()).isEqualTo(200);
        HttpResponse<String> opened = AdminApi.call(server, "POST", "govmail/me/session",
            "{\"user\":\"nguyenvana@demo.gov.vn\",\"password\":\"" + PASSWORD + "\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String token = opened.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        String noiVu = directory("q=so%20noi%20vu&limit=50", token);
        assertThat(noiVu).as(noiVu)
            .contains("{\"address\":\"tochuc1@demo.gov.vn\",\"name\":\"Lê Văn Tổ Chức\",\"unit\":\"Sở Nội vụ/Phòng Tổ chức cán bộ\","
                + "\"title\":\"Trưởng phòng\",\"kind\":\"person\"}")
            .contains("\"address\":\"hoa.pham@demo.gov.vn\"")
            .contains("{\"address\":\"vanthu.sonoivu@demo.gov.vn\",\"name\":\"Văn thư Sở Nội vụ\",\"unit\":\"Sở Nội vụ\",\"title\":\"Văn thư\",\"kind\":\"role\"}")
            .doesNotContain("xa1@", "giamdoc@", "nguyenvana@");
        assertThat(directory("q=PHAM%20THI", token)).contains("\"name\":\"Phạm Thị Hoa\"").doesNotContain("tochuc1@");
        assertThat(directory("q=hoang%20van", token)).as("disabled accounts are left out").isEqualTo("[]");
        assertThat(directory("q=lanh", token)).contains("{\"address\":\"lanhdao@demo.gov.vn\",\"name\":null,\"unit\":null,\"title\":null,\"kind\":\"group\"}");
        assertThat(directory("q=nguyen", token)).as("other domains are not this province's directory").doesNotContain("khac.gov.vn");
        assertThat(directory("q=ham", token)).as("word prefixes, not any substring")
            .doesNotContain("hoa.pham@");
        assertThat(directory("q=&limit=2", token).split("\"address\"")).hasSize(3);

        assertThat(AdminApi.call(server, "GET", "govmail/me/directory?limit=abc", null, token).statusCode()).isEqualTo(400);
        assertThat(AdminApi.call(server, "GET", "govmail/me/directory?q=a", null).statusCode()).as("the admin acts for no mailbox").isEqualTo(403);
        assertThat(AdminApi.call(server, "GET", "govmail/me/directory?q=a", null, null).statusCode()).isEqualTo(401);
    }

    private static String directory(String query, String token) throws Exception {
        HttpResponse<String> response = AdminApi.call(server, "GET", "govmail/me/directory?" + query, null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void sendAsRole(String member, String token) throws Exception {
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(MailClients.submission(server));
        message.setFrom("vanthu.sonoivu@demo.gov.vn");
        message.setRecipients(Message.RecipientType.TO, "nguyenvana@demo.gov.vn");
        message.setSubject("Trả lời công văn", "UTF-8");
        message.setText(token, "UTF-8");
        jakarta.mail.Transport.send(message, message.getAllRecipients(), member, PASSWORD);
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = AdminApi.call(server, "GET", path, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String unitId(String path) throws Exception {
        Matcher id = Pattern.compile("\"id\":(\\d+),\"name\":\"[^\"]*\",\"path\":\"" + Pattern.quote(path) + "\"")
            .matcher(AdminApi.call(server, "GET", "govmail/units", null).body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** How many INBOX messages carry the token, waiting up to 30 s for at least {@code expected} (0: no wait). */
    private static int withToken(Store store, String token, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] found = inbox.search(new HeaderTerm("X-Govmail-Token", token));
            inbox.close(false);
            if (found.length >= expected || System.nanoTime() > deadline) {
                return found.length;
            }
            Thread.sleep(200);
        }
    }
}

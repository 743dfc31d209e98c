package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bulk import of a 5,000-account province with a few broken lines, through the CLI against the real server. */
class AccountImportIT {
    private static final String[] UNITS = {"Sở Thông tin và Truyền thông", "Sở Nội vụ", "UBND xã Bình Lư", "Văn phòng UBND tỉnh"};
    private static MailServerProcess server;
    private static Path csv;

    @BeforeAll
    static void start() throws Exception {
        server = MailServerProcess.startEmbedded("import");
        csv = server.workDirectory().resolve("province.csv");
        List<String> lines = new ArrayList<>(List.of("email,ho_ten,don_vi,chuc_vu,mat_khau"));
        for (int i = 1; i <= 5000; i++) {
            lines.add("canbo" + i + "@demo.gov.vn,Nguyễn Văn Cán Bộ " + i + "," + UNITS[i % UNITS.length] + ",Chuyên viên,");
        }
        lines.add(1001, "sai@@demo.gov.vn,Sai Địa Chỉ,Sở Nội vụ,Chuyên viên,");       // line 1002
        lines.add(2001, "nguoingoai@gmail.com,Người Ngoài,Sở Nội vụ,Chuyên viên,");   // line 2002
        lines.add(3001, "canbo7@demo.gov.vn,Trùng Lặp,Sở Nội vụ,Chuyên viên,");      // line 3002
        lines.add(4001, "yeu@demo.gov.vn,Mật Khẩu Yếu,Sở Nội vụ,Chuyên viên,123");    // line 4002
        lines.add("\"khongten@demo.gov.vn\",,Sở Nội vụ,Chuyên viên,");               // last line, 5006
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void dryRunReportsEveryBadLineThenImportCreatesTheRestOnceOnly() throws Exception {
        ExternalCommand dryRun = cli("import", csv.toString(), "--dry-run");
        assertThat(dryRun.exitCode()).isEqualTo(1);
        assertThat(dryRun.output())
            .contains("line 1002: email 'sai@@demo.gov.vn' is not a valid address")
            .contains("line 2002: email 'nguoingoai@gmail.com' domain is not one of ours")
            .contains("line 3002: email 'canbo7@demo.gov.vn' appears already on line 8")
            .contains("line 4002: password '(hidden)' password is shorter than 10 characters")
            .contains("line 5006: display_name '' is empty")
            .contains("5000 accounts to create").contains("5 lines refused; nothing was changed");
        assertThat(AdminApi.call(server, "GET", "users", null).body()).doesNotContain("canbo1@demo.gov.vn");

        ExternalCommand imported = cli("import", csv.toString());
        assertThat(imported.output()).contains("Import done: 5000 accounts created, 0 failed");
        Matcher passwordsFile = Pattern.compile("Initial passwords of the new accounts: (\\S+)").matcher(imported.output());
        assertThat(passwordsFile.find()).isTrue();
        Path passwords = Path.of(passwordsFile.group(1));
        assertThat(Files.getPosixFilePermissions(passwords)).hasSize(2); // owner read + write only
        String line = Files.readAllLines(passwords).stream().filter(l -> l.startsWith("canbo4999@")).findFirst().orElseThrow();
        try (Store store = MailClients.imaps().getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, "canbo4999@demo.gov.vn", line.substring(line.indexOf(',') + 1));
            assertThat(store.getFolder("INBOX").exists()).isTrue();
        }
        assertThat(server.log()).doesNotContain(line.substring(line.indexOf(',') + 1));

        ExternalCommand again = cli("import", csv.toString());
        assertThat(again.output()).contains("0 accounts to create, 5000 already exist (skipped)").contains("0 accounts created");
    }

    private static ExternalCommand cli(String... arguments) throws Exception {
        return server.cli(arguments);
    }
}

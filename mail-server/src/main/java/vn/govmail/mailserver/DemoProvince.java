package vn.govmail.mailserver;

import java.util.List;

import vn.govmail.mailserver.admin.GovmailProbe;

/**
 * The demo province created once on first start so that a newcomer can log in right away: a few civil
 * servants and the records clerk (văn thư) of the demo domain, all with the demo password.
 */
final class DemoProvince {
    record DemoAccount(String localPart, String displayName) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
        new DemoAccount("nguyenvana", "Nguyễn Văn A, chuyên viên"),
        new DemoAccount("tranthib", "Trần Thị B, trưởng phòng"),
        new DemoAccount("vanthu", "Văn thư UBND tỉnh"),
        new DemoAccount("postmaster", "Quản trị thư điện tử"));

    private DemoProvince() {
    }

    /** Creates what is missing and answers the accounts' addresses. */
    static List<String> ensure(GovmailProbe probe, String domain, String password) throws Exception {
        probe.ensureDomain(domain);
        for (DemoAccount account : ACCOUNTS) {
            probe.ensureUser(account.localPart() + "@" + domain, password);
        }
        return ACCOUNTS.stream().map(account -> account.localPart() + "@" + domain).toList();
    }
}

package vn.govmail.mailserver;

import java.util.List;

import vn.govmail.mailserver.admin.GovmailProbe;

/**
 * The demo province created once on first start so that a newcomer can log in right away: a few civil
 * servants, the records clerk (văn thư) and the province IT center's administrator of the demo domain, all with the
 * demo password. The administrator may use the webmail's admin console ("Quản trị").
 */
final class DemoProvince {
    record DemoAccount(String localPart, String displayName, boolean administrator) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
        new DemoAccount("nguyenvana", "Nguyễn Văn A, chuyên viên", false),
        new DemoAccount("tranthib", "Trần Thị B, trưởng phòng", false),
        new DemoAccount("vanthu", "Văn thư UBND tỉnh", false),
        new DemoAccount("postmaster", "Quản trị thư điện tử", true));

    private DemoProvince() {
    }

    /** Creates what is missing and answers the accounts as the start-up banner lists them (address, role). */
    static List<String> ensure(GovmailProbe probe, String domain, String password) throws Exception {
        probe.ensureDomain(domain);
        for (DemoAccount account : ACCOUNTS) {
            probe.ensureUser(account.localPart() + "@" + domain, password);
            if (account.administrator()) {
                probe.ensureAdministrator(account.localPart() + "@" + domain);
            }
        }
        return ACCOUNTS.stream().map(account -> account.localPart() + "@" + domain
            + (account.administrator() ? "   (administrator: webmail → Quản trị)" : "")).toList();
    }
}

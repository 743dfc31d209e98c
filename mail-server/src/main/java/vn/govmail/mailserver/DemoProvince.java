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

    /**
     * Creates what is missing and answers the accounts as the start-up banner lists them (address, role). The demo
     * administrator gets the role when it is created, or when nobody has it (a data directory from before the
     * console); an IT center that took it away later is not overruled at the next start.
     */
    static List<String> ensure(GovmailProbe probe, String domain, String password) throws Exception {
        probe.ensureDomain(domain);
        for (DemoAccount account : ACCOUNTS) {
            String address = account.localPart() + "@" + domain;
            boolean created = probe.ensureUser(address, password);
            if (account.administrator() && (created || !probe.hasAdministrators())) {
                probe.ensureAdministrator(address);
            }
        }
        List<String> lines = new java.util.ArrayList<>();
        for (DemoAccount account : ACCOUNTS) {
            String address = account.localPart() + "@" + domain;
            lines.add(address + (probe.isAdministrator(address) ? "   (administrator: webmail → Quản trị)" : ""));
        }
        return lines;
    }
}

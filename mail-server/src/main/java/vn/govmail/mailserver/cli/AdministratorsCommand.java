package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code govmail admin admins add|remove|list [ADDRESS]}: which mail accounts may use the webmail's admin console
 * ("Quản trị"), over {@code /govmail/administrators}.
 */
final class AdministratorsCommand {
    static final String USAGE = """
          admins add ADDRESS             let the account ADDRESS use the webmail's admin console (Quản trị)
          admins remove ADDRESS          take that right away (its open sessions lose it at their next request)
          admins list                    the accounts with the administrator role
        """;

    private final WebAdminClient admin;
    private final PrintStream out;

    AdministratorsCommand(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    void run(List<String> args) {
        String action = args.isEmpty() ? "" : args.get(0);
        List<String> operands = args.subList(Math.min(1, args.size()), args.size());
        switch (action) {
            case "add" -> {
                String address = address(operands, "add");
                int status = admin.put("govmail/administrators/" + WebAdminClient.segment(address), null).status();
                out.println(status == 201 ? address + " is now an administrator (webmail → Quản trị)."
                    : address + " was already an administrator.");
            }
            case "remove" -> {
                String address = address(operands, "remove");
                admin.delete("govmail/administrators/" + WebAdminClient.segment(address));
                out.println(address + " is no longer an administrator.");
            }
            case "list" -> {
                if (!operands.isEmpty()) {
                    throw new CliException(2, "usage: govmail admin admins list");
                }
                List<Map<String, Object>> administrators = JsonText.objects(admin.get("govmail/administrators").body());
                if (administrators.isEmpty()) {
                    out.println("no administrators (add one with: govmail admin admins add ADDRESS)");
                }
                administrators.forEach(row -> out.println(row.get("address") + "  since " + row.get("grantedAt")));
            }
            default -> throw new CliException(2, "usage:\n" + USAGE);
        }
    }

    private static String address(List<String> operands, String action) {
        if (operands.size() != 1) {
            throw new CliException(2, "usage: govmail admin admins " + action + " ADDRESS");
        }
        return operands.get(0);
    }
}

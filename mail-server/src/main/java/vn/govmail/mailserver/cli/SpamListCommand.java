package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code govmail admin spam allow|block OWNER SENDER}, {@code spam list OWNER}, {@code spam remove OWNER SENDER}:
 * the spam filter's allow/block lists over {@code /govmail/spam/lists}. OWNER is a user address, a domain or
 * {@code global}; SENDER an address or {@code @domain}.
 */
final class SpamListCommand {
    static final String USAGE = """
          spam allow OWNER SENDER        mail from SENDER (address or @domain) to OWNER (user, domain or 'global')
                                         is never treated as spam (unless SPF/DMARC say it is forged)
          spam block OWNER SENDER        mail from SENDER to OWNER is refused (550 5.7.1)
          spam list OWNER                OWNER's allow/block list
          spam remove OWNER SENDER       take SENDER off OWNER's list
        """;

    private final WebAdminClient admin;
    private final PrintStream out;

    SpamListCommand(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    void run(List<String> args) {
        String action = args.isEmpty() ? "" : args.get(0);
        List<String> operands = args.subList(Math.min(1, args.size()), args.size());
        switch (action) {
            case "allow", "block" -> {
                require(operands, 2, "spam " + action + " OWNER SENDER");
                admin.put(path(operands.get(0)) + "/" + action + "/" + WebAdminClient.segment(operands.get(1)), null);
                out.println((action.equals("allow") ? "Allowed " : "Blocked ") + operands.get(1) + " for " + operands.get(0) + ".");
            }
            case "list" -> {
                require(operands, 1, "spam list OWNER");
                List<Map<String, Object>> entries = JsonText.objects(admin.get(path(operands.get(0))).body());
                if (entries.isEmpty()) {
                    out.println("the list of " + operands.get(0) + " is empty");
                }
                entries.forEach(entry -> out.println(entry.get("action") + "  " + entry.get("pattern")));
            }
            case "remove" -> {
                require(operands, 2, "spam remove OWNER SENDER");
                admin.delete(path(operands.get(0)) + "/" + WebAdminClient.segment(operands.get(1)));
                out.println("Removed " + operands.get(1) + " from the list of " + operands.get(0) + ".");
            }
            default -> throw new CliException(2, "usage:\n" + USAGE);
        }
    }

    private static String path(String owner) {
        return "govmail/spam/lists/" + WebAdminClient.segment(owner);
    }

    private static void require(List<String> operands, int count, String usage) {
        if (operands.size() != count) {
            throw new CliException(2, "usage: govmail admin " + usage);
        }
    }
}

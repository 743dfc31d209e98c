package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code govmail admin quarantine list [USER|DOMAIN] [--since DAY] [--before DAY] [--offset N] [--limit N]}, {@code govmail admin quarantine release KEY} and
 * {@code govmail admin quarantine digest}.
 */
final class QuarantineCommand {
    private final WebAdminClient admin;
    private final PrintStream out;

    QuarantineCommand(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    static final String LIST_USAGE = "usage: govmail admin quarantine list [USER@DOMAIN|DOMAIN] [--since DAY] [--before DAY]"
        + " [--offset N] [--limit N] (DAY: 2026-11-22, Vietnam time, or an instant 2026-11-22T01:00:00Z)";
    private static final List<String> OPTIONS = List.of("since", "before", "offset", "limit");

    void list(List<String> operands) {
        StringBuilder query = new StringBuilder();
        String owner = null;
        int limit = 100;
        int offset = 0;
        for (int i = 0; i < operands.size(); i++) {
            String operand = operands.get(i);
            if (operand.startsWith("--")) {
                String option = operand.substring(2);
                if (!OPTIONS.contains(option) || i + 1 >= operands.size()) {
                    throw new CliException(2, LIST_USAGE);
                }
                String value = operands.get(++i);
                query.append(query.isEmpty() ? "?" : "&").append(option).append('=').append(WebAdminClient.segment(value));
                if (option.equals("limit")) {
                    limit = whole(value);
                } else if (option.equals("offset")) {
                    offset = whole(value);
                }
            } else if (owner == null) {
                owner = operand;
                query.append(query.isEmpty() ? "?" : "&").append(owner.contains("@") ? "user=" : "domain=").append(WebAdminClient.segment(owner));
            } else {
                throw new CliException(2, LIST_USAGE);
            }
        }
        List<Map<String, Object>> entries = JsonText.objects(admin.get("govmail/quarantine" + query).body());
        if (entries.isEmpty()) {
            out.println(offset == 0 ? "quarantine is empty" : "no more quarantined mail");
        }
        for (Map<String, Object> entry : entries) {
            out.println(entry.get("key") + "  " + entry.get("quarantinedAt") + "  score " + entry.get("score") + "  "
                + entry.get("sender") + " -> " + entry.get("recipients") + "  " + entry.get("subject") + "  " + entry.get("reasons"));
        }
        if (entries.size() == limit) {
            out.println("(newest first; older ones: --offset " + (offset + limit) + ")");
        }
    }

    private static int whole(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new CliException(2, "'" + value + "' is not a whole number; " + LIST_USAGE);
        }
    }

    void release(List<String> operands) {
        if (operands.size() != 1) {
            throw new CliException(2, "usage: govmail admin quarantine release KEY (keys: govmail admin quarantine list)");
        }
        admin.post("govmail/quarantine/" + WebAdminClient.segment(operands.get(0)) + "/release");
        out.println("released " + operands.get(0) + ": delivered to its recipients and learned as not spam");
    }

    void delete(List<String> operands) {
        if (operands.size() != 1) {
            throw new CliException(2, "usage: govmail admin quarantine delete KEY (keys: govmail admin quarantine list)");
        }
        admin.delete("govmail/quarantine/" + WebAdminClient.segment(operands.get(0)));
        out.println("deleted " + operands.get(0) + ": nothing was delivered");
    }

    void digest(List<String> operands) {
        if (!operands.isEmpty()) {
            throw new CliException(2, "usage: govmail admin quarantine digest");
        }
        String mailed = JsonText.field(admin.post("govmail/quarantine/digest").body(), "mailed", true).orElse("[]");
        out.println("quarantine digest mailed to: " + mailed);
    }
}

package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code govmail admin quarantine list [USER|DOMAIN]}, {@code govmail admin quarantine release KEY} and
 * {@code govmail admin quarantine digest}.
 */
final class QuarantineCommand {
    private final WebAdminClient admin;
    private final PrintStream out;

    QuarantineCommand(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    void list(List<String> operands) {
        if (operands.size() > 1) {
            throw new CliException(2, "usage: govmail admin quarantine list [USER@DOMAIN|DOMAIN]");
        }
        String filter = operands.isEmpty() ? "" : operands.get(0).contains("@")
            ? "?user=" + WebAdminClient.segment(operands.get(0)) : "?domain=" + WebAdminClient.segment(operands.get(0));
        List<Map<String, Object>> entries = JsonText.objects(admin.get("govmail/quarantine" + filter).body());
        if (entries.isEmpty()) {
            out.println("quarantine is empty");
        }
        for (Map<String, Object> entry : entries) {
            out.println(entry.get("key") + "  " + entry.get("quarantinedAt") + "  score " + entry.get("score") + "  "
                + entry.get("sender") + " -> " + entry.get("recipients") + "  " + entry.get("subject") + "  " + entry.get("reasons"));
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

package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import vn.govmail.mailserver.account.InitialPasswords;

/**
 * {@code govmail admin user delete|force-password-change|reset-password}: the two-step deletion (what will go and a
 * token, then {@code --confirm TOKEN}: export, then delete) and the password actions of {@code /govmail/users/...}.
 */
final class AccountLifecycleCommand {
    static final String USAGE = """
          user delete ADDRESS [--confirm TOKEN]
                                         without --confirm: shows what would be deleted and a token; with it: exports
                                         every mailbox to <data>/var/exports (mbox) and then deletes the account
          user force-password-change ADDRESS
                                         the old password stops working for IMAP/SMTP until the user changes it
          user reset-password ADDRESS [PASSWORD]
                                         set a new password (generated and printed if not given); ends a forced change
        """;

    private final WebAdminClient admin;
    private final PrintStream out;

    AccountLifecycleCommand(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    void delete(List<String> operands) {
        boolean confirming = operands.size() == 3 && operands.get(1).equals("--confirm");
        if (operands.size() != 1 && !confirming) {
            throw new CliException(2, "expected ADDRESS [--confirm TOKEN] (./govmail admin help)");
        }
        String user = operands.get(0);
        String path = "govmail/users/" + WebAdminClient.segment(user) + (confirming ? "?confirm=" + WebAdminClient.segment(operands.get(2)) : "");
        WebAdminClient.Reply reply = admin.deleteAllowing(path, 409);
        if (reply.status() == 409) {
            String plan = JsonText.field(reply.body(), "willDelete", true).orElse("{}");
            out.println((confirming ? "The token was wrong or expired. " : "") + "Deleting " + user + " will remove:");
            for (Map<String, Object> mailbox : JsonText.objects(JsonText.field(plan, "mailboxes", true).orElse("[]"))) {
                out.println("  mailbox " + mailbox.get("name") + ": " + mailbox.get("messages") + " messages");
            }
            out.println("  " + JsonText.field(plan, "messages").orElse("?") + " messages, " + JsonText.field(plan, "bytes").orElse("?") + " bytes in all");
            JsonText.list(JsonText.field(plan, "aliasesAndGroupsPointingHere", true).orElse("[]"), null)
                .forEach(source -> out.println("  alias/group entry " + source));
            JsonText.list(JsonText.field(plan, "ownMappings", true).orElse("[]"), null)
                .forEach(mapping -> out.println("  mapping of the address itself: " + mapping));
            out.println("  its quota settings, Sieve filters, profile and status.");
            String token = JsonText.field(reply.body(), "confirm").orElseThrow();
            out.println("The mail is exported to <data>/var/exports first. To go ahead (within 15 minutes):");
            out.println("  govmail admin user delete " + user + " --confirm " + token);
            throw new CliException(1, "nothing deleted yet: confirm with --confirm " + token);
        }
        out.println("Account " + user + " deleted. Its mail (" + JsonText.field(reply.body(), "exportedMessages").orElse("?")
            + " messages) was exported to " + JsonText.field(reply.body(), "export").orElse("?") + " on the server.");
    }

    void forcePasswordChange(List<String> operands) {
        if (operands.size() != 1) {
            throw new CliException(2, "expected ADDRESS (./govmail admin help)");
        }
        admin.post("govmail/users/" + WebAdminClient.segment(operands.get(0)) + "/force-password-change");
        out.println(operands.get(0) + " must change the password: the current one no longer opens the mailbox (IMAP, SMTP).");
    }

    void resetPassword(List<String> operands) {
        if (operands.isEmpty() || operands.size() > 2) {
            throw new CliException(2, "expected ADDRESS [PASSWORD] (./govmail admin help)");
        }
        boolean generated = operands.size() == 1;
        String password = generated ? InitialPasswords.generate() : operands.get(1);
        admin.post("govmail/users/" + WebAdminClient.segment(operands.get(0)) + "/reset-password", JsonText.object("password", password));
        out.println("Password of " + operands.get(0) + " reset" + (generated ? " to: " + password : "."));
    }
}

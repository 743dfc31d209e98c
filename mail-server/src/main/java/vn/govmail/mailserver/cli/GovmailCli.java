package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.govmail.mailserver.account.InitialPasswords;

/**
 * {@code govmail admin}: day-to-day administration over the mail server's WebAdmin API (loopback only).
 * Exit codes: 0 done, 1 refused by the server (the message says why), 2 wrong usage, 3 server unreachable.
 */
public final class GovmailCli {
    static final String USAGE = """
        Usage: govmail admin COMMAND
          domain add DOMAIN              add a mail domain (e.g. laichau.gov.vn)
          domain list                    list the domains
          domain remove DOMAIN           remove a domain (its users must be removed first)
          domain alias add ALIAS DOMAIN  mail to user@ALIAS lands at user@DOMAIN (e.g. a merged province)
          domain alias list DOMAIN       list the alias domains of DOMAIN
          user add ADDRESS [PASSWORD] [--name NAME] [--title TITLE] [--unit PATH]
                                         create an account; without PASSWORD one is generated and printed
          user profile ADDRESS --name NAME [--title TITLE] [--unit PATH]
                                         set the display name (Vietnamese), title and unit of an account
          user passwd ADDRESS [PASSWORD] set a new password; without PASSWORD one is generated and printed
          user list                      list the accounts
          user disable ADDRESS [REASON]  stop an account receiving mail and logging in (its mail is kept)
          user enable ADDRESS            undo 'user disable'
          user rename OLD NEW [PASSWORD] move an account to a new address; OLD keeps working as an alias
        """ + AccountLifecycleCommand.USAGE + QuotaCommand.USAGE + """
          alias add ALIAS ADDRESS        mail to ALIAS goes to ADDRESS, who may also send as ALIAS
          alias list ADDRESS             list ADDRESS's aliases
          dkim generate DOMAIN           create (or rotate) the DKIM key of DOMAIN and print its DNS record
          dkim show DOMAIN               print the DNS record of DOMAIN's DKIM key
          import FILE.csv [--dry-run]    create accounts from a CSV file (UTF-8; header email,display_name,unit,
                                         title[,password] or email,ho_ten,don_vi,chuc_vu[,mat_khau]); --dry-run
                                         only reports the lines it would refuse; re-running skips existing accounts
          audit [LIMIT]                  the latest admin actions (who, what, when, from where, result)
          eoffice COMMAND                the eOffice document inbox ('eoffice help'; 'eoffice extract FILE.eml')
        """ + OrganisationCommands.USAGE + """
          reindex user ADDRESS | domain DOMAIN | all
                                         rebuild the search index of one account, one domain or everything,
                                         showing progress (not needed after a crash: the index catches up alone)
          quarantine list [USER|DOMAIN] [--since DAY] [--before DAY] [--offset N] [--limit N]
                                         mail the spam filter quarantined (key, score, sender -> recipients, subject),
                                         newest first, 100 at a time
          quarantine release KEY         deliver a quarantined message (exactly once) and learn it as not spam
          quarantine delete KEY          drop a quarantined message for all its recipients (nothing is delivered)
        """ + AdministratorsCommand.USAGE + SpamListCommand.USAGE + """
          quarantine digest              mail the quarantine digests due now (as the daily run does)
        The admin API is http://127.0.0.1:$GOVMAIL_ADMIN_PORT (8000 by default), or $GOVMAIL_ADMIN_URL; its token
        is read from $GOVMAIL_ADMIN_TOKEN or $GOVMAIL_DATA/admin-token (written by the server on first start).
        """;

    private final WebAdminClient admin;
    private final PrintStream out;

    GovmailCli(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        String url = System.getProperty("govmail.admin.url", environment.getOrDefault("GOVMAIL_ADMIN_URL",
            "http://127.0.0.1:" + environment.getOrDefault("GOVMAIL_ADMIN_PORT", "8000") + "/"));
        try {
            if (EofficeCommand.isOffline(List.of(args))) {
                EofficeCommand.extract(List.of(args).subList(2, args.length), System.out);
                return;
            }
            String token = AdminTokenSource.find(environment);
            new GovmailCli(new WebAdminClient(URI.create(url.endsWith("/") ? url : url + "/"), token), System.out).run(List.of(args));
        } catch (CliException e) {
            System.err.println("govmail admin: " + e.getMessage());
            System.exit(e.exitCode());
        }
    }

    void run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            out.print(USAGE);
            return;
        }
        if (OrganisationCommands.handles(args)) {
            new OrganisationCommands(admin, out).run(args);
            return;
        }
        String command = Set.of("audit", "import", "quota", "eoffice", "reindex", "spam", "admins").contains(args.get(0)) ? args.get(0)
            : String.join(" ", args.subList(0, Math.min(2, args.size())));
        List<String> operands = args.size() > 2 ? args.subList(2, args.size()) : List.of();
        switch (command) {
            case "domain add" -> {
                String domain = one(operands, "DOMAIN");
                admin.put("domains/" + WebAdminClient.segment(domain), null);
                out.println("Domain " + domain + " added.");
            }
            case "domain list" -> JsonText.list(admin.get("domains").body(), "name").forEach(out::println);
            case "domain remove" -> {
                String domain = one(operands, "DOMAIN");
                admin.delete("domains/" + WebAdminClient.segment(domain));
                out.println("Domain " + domain + " removed.");
            }
            case "domain alias" -> domainAlias(operands);
            case "user add" -> addUser(operands);
            case "user profile" -> {
                AccountProfileOptions profile = AccountProfileOptions.parse(operands);
                String user = one(profile.positional(), "ADDRESS");
                profile.save(admin, user);
                out.println("Profile of " + user + " saved.");
            }
            case "user rename" -> renameUser(operands);
            case "user passwd" -> changePassword(operands);
            case "user list" -> JsonText.list(admin.get("users").body(), "username").forEach(out::println);
            case "user delete" -> new AccountLifecycleCommand(admin, out).delete(operands);
            case "user force-password-change" -> new AccountLifecycleCommand(admin, out).forcePasswordChange(operands);
            case "user reset-password" -> new AccountLifecycleCommand(admin, out).resetPassword(operands);
            case "quota" -> new QuotaCommand(admin, out).run(args.subList(1, args.size()));
            case "user disable" -> {
                if (operands.isEmpty() || operands.size() > 2) {
                    throw new CliException(2, "expected ADDRESS [REASON] (./govmail admin help)");
                }
                String reason = operands.size() == 2 ? "?reason=" + WebAdminClient.segment(operands.get(1)) : "";
                admin.post("govmail/users/" + WebAdminClient.segment(operands.get(0)) + "/disable" + reason);
                out.println("Account " + operands.get(0) + " disabled: it receives no mail and cannot log in; its mail is kept.");
            }
            case "user enable" -> {
                String user = one(operands, "ADDRESS");
                admin.post("govmail/users/" + WebAdminClient.segment(user) + "/enable");
                out.println("Account " + user + " enabled.");
            }
            case "alias add" -> {
                List<String> values = exactly(operands, "ALIAS", "ADDRESS");
                admin.put("address/aliases/" + WebAdminClient.segment(values.get(1)) + "/sources/" + WebAdminClient.segment(values.get(0)), null);
                out.println("Alias " + values.get(0) + " -> " + values.get(1) + " added.");
            }
            case "alias list" -> JsonText.list(admin.get("address/aliases/" + WebAdminClient.segment(one(operands, "ADDRESS"))).body(), "source")
                .forEach(out::println);
            case "dkim generate" -> printDkim(admin.post("govmail/dkim/" + WebAdminClient.segment(one(operands, "DOMAIN"))).body(), true);
            case "dkim show" -> printDkim(admin.get("govmail/dkim/" + WebAdminClient.segment(one(operands, "DOMAIN"))).body(), false);
            case "quarantine list" -> new QuarantineCommand(admin, out).list(operands);
            case "quarantine release" -> new QuarantineCommand(admin, out).release(operands);
            case "quarantine delete" -> new QuarantineCommand(admin, out).delete(operands);
            case "admins" -> new AdministratorsCommand(admin, out).run(args.subList(1, args.size()));
            case "spam" -> new SpamListCommand(admin, out).run(args.subList(1, args.size()));
            case "quarantine digest" -> new QuarantineCommand(admin, out).digest(operands);
            case "audit" -> printAudit(args.size() > 1 ? args.get(1) : "50");
            case "import" -> new AccountImportCommand(admin, out, System.err).run(args.subList(1, args.size()));
            case "eoffice" -> new EofficeCommand(admin, out).run(args.subList(1, args.size()));
            case "reindex" -> new ReindexCommand(admin, out, 250).run(args.subList(1, args.size()));
            default -> throw new CliException(2, "unknown command '" + String.join(" ", args) + "'\n" + USAGE);
        }
    }

    private void addUser(List<String> arguments) {
        AccountProfileOptions profile = AccountProfileOptions.parse(arguments);
        List<String> operands = profile.positional();
        String user = operands.isEmpty() ? one(operands, "ADDRESS") : operands.get(0);
        boolean generated = operands.size() < 2;
        String password = generated ? InitialPasswords.generate() : operands.get(1);
        requireNoExtra(operands, 2);
        if (userExists(user)) {
            throw new CliException(1, "account " + user + " already exists (use 'user passwd' to change its password)");
        }
        admin.put("users/" + WebAdminClient.segment(user), JsonText.object("password", password));
        admin.post("govmail/users/" + WebAdminClient.segment(user) + "/folders");
        if (!profile.isEmpty()) {
            profile.save(admin, user);
        }
        out.println("Account " + user + " created" + (generated ? " with password: " + password : "."));
    }

    private void domainAlias(List<String> operands) {
        if (operands.size() == 3 && operands.get(0).equals("add")) {
            // The alias domain must be one of ours (so its mail is accepted) before it can point elsewhere.
            if (!JsonText.list(admin.get("domains").body(), "name").contains(operands.get(1))) {
                admin.put("domains/" + WebAdminClient.segment(operands.get(1)), null);
            }
            admin.put("domains/" + WebAdminClient.segment(operands.get(2)) + "/aliases/" + WebAdminClient.segment(operands.get(1)), null);
            out.println("Mail to *@" + operands.get(1) + " now lands at *@" + operands.get(2) + ".");
        } else if (operands.size() == 2 && operands.get(0).equals("list")) {
            JsonText.list(admin.get("domains/" + WebAdminClient.segment(operands.get(1)) + "/aliases").body(), "source").forEach(out::println);
        } else {
            throw new CliException(2, "expected 'domain alias add ALIAS DOMAIN' or 'domain alias list DOMAIN' (./govmail admin help)");
        }
    }

    private void renameUser(List<String> operands) {
        if (operands.size() < 2 || operands.size() > 3) {
            throw new CliException(2, "expected OLD NEW [PASSWORD] (./govmail admin help)");
        }
        boolean generated = operands.size() == 2;
        String password = generated ? InitialPasswords.generate() : operands.get(2);
        admin.post("govmail/users/" + WebAdminClient.segment(operands.get(0)) + "/rename/" + WebAdminClient.segment(operands.get(1)),
            JsonText.object("password", password));
        out.println("Account " + operands.get(0) + " is now " + operands.get(1) + "; mail to the old address still arrives"
            + (generated ? ". New password: " + password : "."));
    }

    private void changePassword(List<String> operands) {
        String user = operands.isEmpty() ? one(operands, "ADDRESS") : operands.get(0);
        boolean generated = operands.size() < 2;
        String password = generated ? InitialPasswords.generate() : operands.get(1);
        requireNoExtra(operands, 2);
        if (!userExists(user)) {
            throw new CliException(1, "account " + user + " does not exist");
        }
        admin.put("users/" + WebAdminClient.segment(user) + "?force", JsonText.object("password", password));
        out.println("Password of " + user + " changed" + (generated ? " to: " + password : "."));
    }

    private boolean userExists(String user) {
        return admin.exists("users/" + WebAdminClient.segment(user));
    }

    private void printAudit(String limit) {
        String json = admin.get("govmail/audit?limit=" + WebAdminClient.segment(limit)).body();
        for (Map<String, Object> entry : JsonText.objects(json)) {
            out.println(entry.get("at") + "  " + entry.get("actor") + "@" + entry.get("client") + "  " + entry.get("method") + " "
                + entry.get("path") + "  -> " + entry.get("status"));
        }
    }

    private void printDkim(String json, boolean created) {
        String name = JsonText.field(json, "dnsName").orElseThrow();
        String value = JsonText.field(json, "dnsValue").orElseThrow();
        if (created) {
            out.println("DKIM key created. Publish this DNS record, then outgoing mail of the domain is signed:");
        }
        out.println(name + ". IN TXT \"" + value + "\"");
    }

    private static String one(List<String> operands, String name) {
        return exactly(operands, name).get(0);
    }

    static List<String> exactly(List<String> operands, String... names) {
        if (operands.size() != names.length) {
            throw new CliException(2, "expected " + String.join(" ", names) + " but got " + (operands.isEmpty() ? "nothing" : String.join(" ", operands))
                + " (./govmail admin help)");
        }
        return operands;
    }

    private static void requireNoExtra(List<String> operands, int max) {
        if (operands.size() > max) {
            throw new CliException(2, "unexpected extra arguments: " + String.join(" ", operands.subList(max, operands.size())));
        }
    }

}

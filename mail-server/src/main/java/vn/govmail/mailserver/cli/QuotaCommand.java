package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import vn.govmail.mailserver.config.SizeText;

/**
 * {@code govmail admin quota ...}: storage and message-count limits globally, per domain and per account (James's
 * {@code /quota} routes), and a domain's maximum message size ({@code /govmail/domains/{d}/max-message-size}).
 */
final class QuotaCommand {
    static final String USAGE = """
          quota show TARGET              limits and usage; TARGET is global, a DOMAIN or an ADDRESS
          quota set TARGET [--storage SIZE] [--messages N] [--max-message-size SIZE]
                                         set limits (SIZE like 500M or 2G; --max-message-size for a DOMAIN only)
          quota unset TARGET [--storage] [--messages] [--max-message-size]
                                         remove overrides: the domain's, then the global value applies
          quota recompute                recount every account's usage from its mailboxes (background task)
        """;

    private final WebAdminClient admin;
    private final PrintStream out;

    QuotaCommand(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    void run(List<String> arguments) {
        if (arguments.equals(List.of("recompute"))) {
            // James's task; its progress is GET /tasks/{id}.
            String task = JsonText.field(admin.post("quota/users?task=RecomputeCurrentQuotas").body(), "taskId").orElse("?");
            out.println("Recounting every account's quota usage in the background (task " + task + ", GET /tasks/" + task + ").");
            return;
        }
        if (arguments.size() < 2) {
            throw new CliException(2, "expected 'quota show|set|unset TARGET ...' or 'quota recompute' (./govmail admin help)");
        }
        String action = arguments.get(0);
        String target = arguments.get(1);
        List<String> options = arguments.subList(2, arguments.size());
        switch (action) {
            case "show" -> show(target, options);
            case "set" -> set(target, options);
            case "unset" -> unset(target, options);
            default -> throw new CliException(2, "unknown quota action '" + action + "': show, set or unset");
        }
    }

    private void show(String target, List<String> options) {
        requireNoOptions(options);
        out.println(admin.get(quotaPath(target)).body());
        if (isDomain(target) && admin.exists("govmail/domains/" + WebAdminClient.segment(target) + "/max-message-size")) {
            out.println(admin.get("govmail/domains/" + WebAdminClient.segment(target) + "/max-message-size").body());
        }
    }

    private void set(String target, List<String> options) {
        List<Runnable> changes = new ArrayList<>();
        for (int index = 0; index < options.size(); index += 2) {
            String option = options.get(index);
            if (index + 1 >= options.size()) {
                throw new CliException(2, option + " needs a value");
            }
            String value = options.get(index + 1);
            switch (option) {
                case "--storage" -> {
                    long bytes = size(option, value);
                    changes.add(() -> admin.put(quotaPath(target) + "/size", Long.toString(bytes)));
                }
                case "--messages" -> {
                    long count = count(value);
                    changes.add(() -> admin.put(quotaPath(target) + "/count", Long.toString(count)));
                }
                case "--max-message-size" -> {
                    requireDomain(target, option);
                    long bytes = size(option, value);
                    changes.add(() -> admin.put("govmail/domains/" + WebAdminClient.segment(target) + "/max-message-size", Long.toString(bytes)));
                }
                default -> throw new CliException(2, "unknown option '" + option + "': --storage, --messages or --max-message-size");
            }
        }
        if (changes.isEmpty()) {
            throw new CliException(2, "nothing to set: give --storage SIZE, --messages N or --max-message-size SIZE");
        }
        changes.forEach(Runnable::run); // every value was checked before the first change
        out.println("Limits of " + target + " set.");
    }

    private void unset(String target, List<String> options) {
        if (options.isEmpty()) {
            throw new CliException(2, "nothing to unset: give --storage, --messages and/or --max-message-size");
        }
        if (target.equals("global")) {
            throw new CliException(2, "the global limits cannot be removed, only changed with 'quota set global'");
        }
        for (String option : options) {
            switch (option) {
                case "--storage" -> admin.delete(quotaPath(target) + "/size");
                case "--messages" -> admin.delete(quotaPath(target) + "/count");
                case "--max-message-size" -> {
                    requireDomain(target, option);
                    admin.delete("govmail/domains/" + WebAdminClient.segment(target) + "/max-message-size");
                }
                default -> throw new CliException(2, "unknown option '" + option + "': --storage, --messages or --max-message-size");
            }
        }
        out.println("Overrides of " + target + " removed.");
    }

    private static String quotaPath(String target) {
        if (target.equals("global")) {
            return "quota";
        }
        return (target.contains("@") ? "quota/users/" : "quota/domains/") + WebAdminClient.segment(target);
    }

    private static boolean isDomain(String target) {
        return !target.equals("global") && !target.contains("@");
    }

    private static void requireDomain(String target, String option) {
        if (!isDomain(target)) {
            throw new CliException(2, option + " is set per DOMAIN, not for '" + target + "'");
        }
    }

    private static long size(String option, String value) {
        try {
            return SizeText.bytes(value);
        } catch (IllegalArgumentException e) {
            throw new CliException(2, option + ": " + e.getMessage());
        }
    }

    private static long count(String value) {
        try {
            long count = Long.parseLong(value.trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException(2, "--messages: '" + value + "' is not a whole number of at least 1");
    }

    private static void requireNoOptions(List<String> options) {
        if (!options.isEmpty()) {
            throw new CliException(2, "unexpected extra arguments: " + String.join(" ", options));
        }
    }
}

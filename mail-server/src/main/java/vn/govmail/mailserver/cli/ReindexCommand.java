package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code govmail admin reindex user ADDRESS | domain DOMAIN | all}: rebuilds the search index through the
 * re-index task(s) of the mail server, printing their progress until they end. Never needed after a crash (the
 * index catches up by itself); useful after restoring a database backup or changing the index format.
 */
final class ReindexCommand {
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    private final WebAdminClient admin;
    private final PrintStream out;
    private final long pollMillis;

    ReindexCommand(WebAdminClient admin, PrintStream out, long pollMillis) {
        this.admin = admin;
        this.out = out;
        this.pollMillis = pollMillis;
    }

    void run(List<String> operands) {
        String query = switch (operands.isEmpty() ? "" : operands.get(0)) {
            case "user" -> "?user=" + WebAdminClient.segment(operand(operands, "ADDRESS"));
            case "domain" -> "?domain=" + WebAdminClient.segment(operand(operands, "DOMAIN"));
            case "all" -> {
                if (operands.size() != 1) {
                    throw new CliException(2, "expected 'reindex all' without arguments");
                }
                yield "";
            }
            default -> throw new CliException(2, "expected 'reindex user ADDRESS', 'reindex domain DOMAIN' or 'reindex all' (./govmail admin help)");
        };
        String answer = admin.post("govmail/search/reindex" + query).body();
        List<String> taskIds = JsonText.list(JsonText.field(answer, "taskIds", true).orElse("[]"), "");
        out.println(taskIds.size() + " re-index task(s) started");
        boolean allCompleted = true;
        for (String taskId : taskIds) {
            allCompleted &= follow(taskId);
        }
        if (!allCompleted) {
            throw new CliException(1, "some re-index tasks did not complete (see GET /tasks on the admin API)");
        }
    }

    /** Prints the task's progress whenever it changes; answers whether it completed. */
    private boolean follow(String taskId) {
        String lastLine = "";
        while (true) {
            String task = admin.get("tasks/" + WebAdminClient.segment(taskId)).body();
            String status = JsonText.field(task, "status").orElse("unknown");
            String details = JsonText.field(task, "additionalInformation", true).orElse("{}");
            String line = "  " + JsonText.field(details, "username").orElse("all accounts") + ": "
                + JsonText.field(details, "successfullyReprocessedMailCount").orElse("0") + " message(s) indexed, "
                + JsonText.field(details, "failedReprocessedMailCount").orElse("0") + " failed (" + status + ")";
            if (!line.equals(lastLine)) {
                out.println(line);
                lastLine = line;
            }
            if (FINISHED.contains(status)) {
                return status.equals("completed");
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(3, "interrupted");
            }
        }
    }

    private static String operand(List<String> operands, String name) {
        if (operands.size() != 2) {
            throw new CliException(2, "expected reindex " + operands.get(0) + " " + name + " (./govmail admin help)");
        }
        return operands.get(1);
    }
}

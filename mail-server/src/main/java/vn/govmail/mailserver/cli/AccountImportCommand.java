package vn.govmail.mailserver.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code govmail admin import FILE.csv [--dry-run]}: uploads, reports refused lines, follows the job's progress. */
final class AccountImportCommand {
    private final WebAdminClient admin;
    private final PrintStream out;
    private final PrintStream progress;

    AccountImportCommand(WebAdminClient admin, PrintStream out, PrintStream progress) {
        this.admin = admin;
        this.out = out;
        this.progress = progress;
    }

    void run(List<String> arguments) {
        boolean dryRun = arguments.contains("--dry-run");
        List<String> files = arguments.stream().filter(argument -> !argument.equals("--dry-run")).toList();
        if (files.size() != 1) {
            throw new CliException(2, "expected FILE.csv [--dry-run] (./govmail admin help)");
        }
        String csv = read(Path.of(files.get(0)));
        String report = admin.post("govmail/import/accounts" + (dryRun ? "?dryRun=true" : ""), csv, "text/csv; charset=utf-8").body();

        long refused = Long.parseLong(JsonText.field(report, "refused").orElse("0"));
        for (Map<String, Object> error : JsonText.objects(JsonText.field(report, "errors", true).orElse("[]"))) {
            out.println("line " + error.get("line") + ": " + error.get("field") + " '" + error.get("value") + "' " + error.get("reason"));
        }
        out.println((dryRun ? "Dry run: " : "") + JsonText.field(report, "lines").orElse("?") + " lines, "
            + JsonText.field(report, "toCreate").orElse("?") + " accounts to create, " + JsonText.field(report, "existing").orElse("?")
            + " already exist (skipped), " + refused + " lines refused" + (dryRun ? "; nothing was changed." : "."));
        if (!dryRun) {
            follow(JsonText.field(report, "job").orElseThrow(() -> new CliException(1, "the server started no import job: " + report)));
        }
        if (refused > 0) {
            throw new CliException(1, refused + " lines refused (listed above)" + (dryRun ? "" : "; the other lines were imported"));
        }
    }

    private void follow(String job) {
        while (true) {
            String status = admin.get("govmail/import/accounts/" + job).body();
            String state = JsonText.field(status, "state").orElse("?");
            progress.print("\rimporting: " + JsonText.field(status, "processed").orElse("?") + "/" + JsonText.field(status, "toCreate").orElse("?"));
            progress.flush();
            if (!state.equals("running")) {
                progress.println();
                out.println("Import " + state + ": " + JsonText.field(status, "created").orElse("0") + " accounts created, "
                    + JsonText.field(status, "failed").orElse("0") + " failed, in " + JsonText.field(status, "seconds").orElse("?") + " s.");
                out.println("Initial passwords of the new accounts: " + JsonText.field(status, "passwordsFile").orElse("?")
                    + " (on the server, readable only by its user; hand them over, then delete the file)");
                if (!state.equals("done") || !JsonText.field(status, "failed").orElse("0").equals("0")) {
                    throw new CliException(1, "the import did not complete cleanly: " + JsonText.field(status, "failure").orElse("see the server log"));
                }
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(1, "interrupted; the import goes on in the server (job " + job + ")");
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new CliException(2, file + " is not UTF-8 text: save it as CSV UTF-8");
        } catch (IOException e) {
            throw new CliException(2, "cannot read " + file + ": " + e.getMessage());
        }
    }
}

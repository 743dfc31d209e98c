package vn.govmail.mailserver.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the CLI finds the admin token: -Dgovmail.admin.token, $GOVMAIL_ADMIN_TOKEN, or $GOVMAIL_DATA/admin-token. */
final class AdminTokenSource {
    private AdminTokenSource() {
    }

    static String find(Map<String, String> environment) {
        String property = System.getProperty("govmail.admin.token");
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String variable = environment.get("GOVMAIL_ADMIN_TOKEN");
        if (variable != null && !variable.isBlank()) {
            return variable.trim();
        }
        Path file = Path.of(environment.getOrDefault("GOVMAIL_DATA", "data")).resolve("admin-token");
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new CliException(3, "no admin token: " + file.toAbsolutePath() + " cannot be read (" + e.getClass().getSimpleName()
                + "). Start the server once, or set GOVMAIL_DATA to its data directory, or GOVMAIL_ADMIN_TOKEN.");
        }
    }
}

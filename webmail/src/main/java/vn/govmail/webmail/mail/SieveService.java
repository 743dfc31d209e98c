package vn.govmail.webmail.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import vn.govmail.webmail.config.WebmailSettings;

/**
 * Vacation auto-reply and simple filters ("sender/subject contains X → move to folder"), written as one Sieve
 * script named {@value #SCRIPT} on the server over ManageSieve and made active. The mail server runs it at
 * delivery, so it works with the browser closed.
 */
public class SieveService {
    static final String SCRIPT = "govmail-webmail";
    private final MailAccount account;

    public SieveService(MailAccount account) {
        this.account = account;
    }

    public record Filter(Field field, String contains, String folder) {
    }

    public enum Field { FROM, SUBJECT }

    public record Vacation(boolean enabled, String subject, String message) {
    }

    public void save(Vacation vacation, List<Filter> filters) throws IOException {
        WebmailSettings settings = account.connector().settings();
        char[] password = account.password();
        try (ManageSieveClient client = new ManageSieveClient(settings.imapHost(), settings.manageSievePort(),
            account.connector().tls(), settings.imapSecurity() != WebmailSettings.Security.NONE)) {
            client.authenticate(account.user(), password);
            client.putScript(SCRIPT, script(vacation, filters));
            client.setActive(SCRIPT);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    public String load() throws IOException {
        WebmailSettings settings = account.connector().settings();
        char[] password = account.password();
        try (ManageSieveClient client = new ManageSieveClient(settings.imapHost(), settings.manageSievePort(),
            account.connector().tls(), settings.imapSecurity() != WebmailSettings.Security.NONE)) {
            client.authenticate(account.user(), password);
            return client.getScript(SCRIPT);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The Sieve (RFC 5228, 5230) for the settings; every user-typed value is a quoted, escaped string. */
    static String script(Vacation vacation, List<Filter> filters) {
        List<String> requires = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (Filter filter : filters) {
            if (filter.contains() == null || filter.contains().isBlank() || filter.folder() == null || filter.folder().isBlank()) {
                continue;
            }
            if (!requires.contains("fileinto")) {
                requires.add("fileinto");
            }
            body.append("if header :contains ").append(filter.field() == Field.FROM ? "\"from\"" : "\"subject\"")
                .append(' ').append(string(filter.contains().strip())).append(" {\n  fileinto ")
                .append(string(filter.folder())).append(";\n  stop;\n}\n");
        }
        if (vacation != null && vacation.enabled()) {
            requires.add("vacation");
            body.append("vacation :days 1 :subject ").append(string(vacation.subject() == null ? "" : vacation.subject()))
                .append(' ').append(string(vacation.message() == null ? "" : vacation.message())).append(";\n");
        }
        StringBuilder script = new StringBuilder("# written by the govmail webmail (Settings); edits here are overwritten\n");
        if (!requires.isEmpty()) {
            script.append("require [").append(String.join(", ", requires.stream().map(r -> "\"" + r + "\"").toList())).append("];\n");
        }
        return script.append(body).toString();
    }

    static String string(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

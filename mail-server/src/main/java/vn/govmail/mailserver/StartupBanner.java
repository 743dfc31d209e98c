package vn.govmail.mailserver;

import java.util.List;

import vn.govmail.mailserver.config.GovmailSettings;
import vn.govmail.mailserver.database.DatabaseConnection;
import vn.govmail.mailserver.tls.TlsMaterial;

/** The text printed once the server listens: every address, the storage, and the demo credentials. */
final class StartupBanner {
    private StartupBanner() {
    }

    static String render(GovmailSettings settings, TlsMaterial tls, DatabaseConnection database, boolean embedded,
                         List<String> demoAccounts) {
        String host = settings.string("bind").equals("0.0.0.0") ? "localhost" : settings.string("bind");
        StringBuilder text = new StringBuilder("\n");
        text.append("govmail mail server is running (").append(settings.string("hostname")).append(")\n");
        line(text, "SMTP (MX)", "smtp://" + host + ":" + settings.port("smtp.port"), "STARTTLS, mail for local domains only");
        line(text, "Submission", "smtp://" + host + ":" + settings.port("submission.port"), "STARTTLS + AUTH required");
        line(text, "Submission (TLS)", "smtps://" + host + ":" + settings.port("smtps.port"), "implicit TLS + AUTH required");
        line(text, "IMAP", "imap://" + host + ":" + settings.port("imap.port"), "STARTTLS, login after TLS only");
        line(text, "IMAPS", "imaps://" + host + ":" + settings.port("imaps.port"), "implicit TLS");
        line(text, "ManageSieve", "sieve://" + host + ":" + settings.port("managesieve.port"), "STARTTLS");
        line(text, "WebAdmin REST", "http://127.0.0.1:" + settings.port("admin.port"), "loopback only");
        text.append("  Data directory:   ").append(settings.dataDirectory()).append('\n');
        text.append("  Database:         ").append(embedded ? "embedded PostgreSQL, " : "").append(database).append('\n');
        text.append("  TLS certificate:  ").append(tls.certificateChain()).append(tls.selfSigned() ? " (SELF-SIGNED)" : "").append('\n');
        if (!demoAccounts.isEmpty()) {
            text.append("\n  Demo accounts (password: ").append(settings.string("demo.password")).append("):\n");
            demoAccounts.forEach(account -> text.append("    ").append(account).append('\n'));
        }
        text.append('\n');
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String address, String note) {
        text.append(String.format("  %-17s %-32s %s%n", name + ":", address, note));
    }
}

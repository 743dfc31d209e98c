package vn.govmail.mailserver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.james.GuiceJamesServer;
import org.apache.james.server.core.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.admin.AdminToken;
import vn.govmail.mailserver.admin.GovmailProbe;
import vn.govmail.mailserver.config.GovmailSettings;
import vn.govmail.mailserver.spam.SpamFilterModule;
import vn.govmail.mailserver.config.JamesConfigurationRenderer;
import vn.govmail.mailserver.config.JamesConfigurationVariables;
import vn.govmail.mailserver.database.DatabaseConnection;
import vn.govmail.mailserver.database.EmbeddedPostgresDatabase;
import vn.govmail.mailserver.modules.AdminAccessModule;
import vn.govmail.mailserver.modules.PostgresJpaModule;
import vn.govmail.mailserver.tls.SelfSignedCertificateGenerator;
import vn.govmail.mailserver.tls.TlsMaterial;

/**
 * Starts the govmail mail server: settings → database (embedded or external PostgreSQL) → TLS material →
 * James configuration → the Guice assembly → the demo province (first start only) → the list of addresses.
 */
public final class GovmailMailServer implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(GovmailMailServer.class);

    private final GuiceJamesServer james;
    private final Optional<EmbeddedPostgresDatabase> embeddedDatabase;

    private GovmailMailServer(GuiceJamesServer james, Optional<EmbeddedPostgresDatabase> embeddedDatabase) {
        this.james = james;
        this.embeddedDatabase = embeddedDatabase;
    }

    public static void main(String[] args) {
        GovmailMailServer server;
        try {
            GovmailSettings settings = GovmailSettings.load(System.getenv());
            server = start(settings, System.out);
        } catch (GovmailSettings.SettingsException e) {
            System.err.println("govmail: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            LOGGER.error("The mail server could not start", e);
            System.err.println("govmail: the mail server could not start: " + rootMessage(e)
                + "\n(see the log above; a port already in use or an unreadable data directory are the usual causes)");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "govmail-shutdown"));
        ClassDataSharingArchive.writeInBackgroundIfRequested();
    }

    public static GovmailMailServer start(GovmailSettings settings, PrintStream console) throws Exception {
        Path data = settings.dataDirectory();
        Files.createDirectories(data);

        Optional<EmbeddedPostgresDatabase> embedded = Optional.empty();
        DatabaseConnection database;
        Optional<String> externalUrl = settings.optional("db.url");
        if (externalUrl.isPresent()) {
            database = new DatabaseConnection(externalUrl.get(), settings.optional("db.user").orElse(""), settings.optional("db.password").orElse(""));
            LOGGER.info("Using the external PostgreSQL at {}", database);
        } else {
            embedded = Optional.of(EmbeddedPostgresDatabase.start(data.resolve("postgres")));
            database = embedded.get().connection();
            LOGGER.info("Using the embedded PostgreSQL in {} ({})", data.resolve("postgres"), database);
        }

        try {
            TlsMaterial tls = tlsMaterial(settings, data);
            JamesConfigurationRenderer.render(JamesConfigurationVariables.from(settings, tls), data.resolve("conf"));

            Configuration configuration = Configuration.builder()
                .workingDirectory(data.toFile())
                .configurationPath(new Configuration.ConfigurationPath("file://conf/"))
                .build();
            GuiceJamesServer james = GuiceJamesServer.forConfiguration(configuration)
                .combineWith(GovmailModules.CORE)
                .combineWith(GovmailModules.PROTOCOLS)
                .combineWith(GovmailModules.WEBADMIN)
                .combineWith(new PostgresJpaModule(database, Integer.parseInt(settings.string("db.max-connections"))))
                .combineWith(new SpamFilterModule(settings.withPrefix("spam."), settings.string("hostname")))
                .overrideWith(GovmailModules.OVERRIDES)
                .overrideWith(new AdminAccessModule(AdminToken.load(settings.optional("admin.token"), data)));
            james.start();

            GovmailMailServer server = new GovmailMailServer(james, embedded);
            GovmailProbe probe = james.getProbe(GovmailProbe.class);
            probe.ensureGlobalStorageQuota(settings.size("quota.default-storage"));
            probe.ensureGlobalMessageQuota(settings.count("quota.default-messages"));
            int recomputeRate = Integer.parseInt(settings.string("quota.recompute-at-start-users-per-second"));
            if (recomputeRate > 0) {
                probe.recomputeQuotaUsageInBackground(recomputeRate);
            }
            List<String> demoAccounts = List.of();
            if (settings.flag("demo")) {
                demoAccounts = DemoProvince.ensure(probe,
                    settings.string("demo.domain"), settings.string("demo.password"));
            }
            console.print(StartupBanner.render(settings, tls, database, embedded.isPresent(), demoAccounts));
            console.flush();
            return server;
        } catch (Exception | Error e) {
            if (embedded.isPresent()) {
                embedded.get().close();
            }
            throw e;
        }
    }

    private static TlsMaterial tlsMaterial(GovmailSettings settings, Path data) throws IOException {
        Optional<String> certificate = settings.optional("tls.cert");
        Optional<String> key = settings.optional("tls.key");
        if (certificate.isPresent() != key.isPresent()) {
            throw new GovmailSettings.SettingsException("Set both tls.cert and tls.key (GOVMAIL_TLS_CERT, GOVMAIL_TLS_KEY), or neither for a self-signed certificate");
        }
        if (certificate.isPresent()) {
            try {
                return new TlsMaterial(Path.of(certificate.get()), Path.of(key.get()), false);
            } catch (IllegalArgumentException e) {
                throw new GovmailSettings.SettingsException(e.getMessage());
            }
        }
        return SelfSignedCertificateGenerator.ensure(data.resolve("tls"), settings.string("hostname"));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void close() {
        LOGGER.info("Stopping the mail server");
        james.stop();
        embeddedDatabase.ifPresent(database -> {
            try {
                database.close();
            } catch (IOException e) {
                LOGGER.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        });
        LOGGER.info("Mail server stopped");
    }
}

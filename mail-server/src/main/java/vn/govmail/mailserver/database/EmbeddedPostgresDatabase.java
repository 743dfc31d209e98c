package vn.govmail.mailserver.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The zero-set-up database: a real PostgreSQL (zonky's binaries from Maven Central) that the mail server runs
 * itself in {@code <data>/postgres}. Zonky's defaults trade durability for test speed (fsync off,
 * synchronous_commit off); we turn both back on and verify it, because a mail acknowledged with 250 must
 * survive a crash. After a {@code kill -9} of the JVM the postmaster outlives it: we stop that orphan first.
 */
public final class EmbeddedPostgresDatabase implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedPostgresDatabase.class);
    private static final String DATABASE = "govmail";
    private static final String SUPERUSER = "postgres";
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresDatabase start(Path directory) throws IOException {
        Files.createDirectories(directory);
        stopOrphanedPostmaster(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "200")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setPGStartupWait(Duration.ofSeconds(120))
            .start();
        EmbeddedPostgresDatabase database = new EmbeddedPostgresDatabase(postgres);
        database.verifyDurableSettings();
        database.createDatabaseIfMissing();
        return database;
    }

    public DatabaseConnection connection() {
        return new DatabaseConnection(postgres.getJdbcUrl(SUPERUSER, DATABASE), SUPERUSER, "");
    }

    /** The PID file's first line is the postmaster's PID; if that process still lives, it is our orphan. */
    private static void stopOrphanedPostmaster(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOGGER.warn("An embedded PostgreSQL (pid {}) from a previous run is still running on {}: stopping it before start", pid, directory);
        // SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the old JVM, so it completes promptly.
        orphan.get().destroy();
        Instant deadline = Instant.now().plus(ORPHAN_STOP_TIMEOUT);
        while (orphan.get().isAlive() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
        }
        if (orphan.get().isAlive()) {
            LOGGER.warn("PostgreSQL pid {} did not stop within {}s: killing it (it recovers from its WAL on start)", pid, ORPHAN_STOP_TIMEOUT.toSeconds());
            orphan.get().destroyForcibly();
            while (orphan.get().isAlive()) {
                sleep(Duration.ofMillis(100));
            }
        }
    }

    private void verifyDurableSettings() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                    result.next();
                    if (!"on".equals(result.getString(1))) {
                        throw new IllegalStateException("Embedded PostgreSQL runs with " + setting + "=" + result.getString(1)
                            + ": refusing to accept mail without durable storage");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the embedded PostgreSQL settings: " + e.getMessage(), e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (result.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            LOGGER.info("Created database '{}' in the embedded PostgreSQL", DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the govmail database in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL to stop", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

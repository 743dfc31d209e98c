package vn.govmail.mailserver.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.govmail.mailserver.database.DatabaseConnection;
import vn.govmail.mailserver.database.GovmailDataSource;

/** Greylisting triplets in a throwaway database on the machine's PostgreSQL (127.0.0.1:5432, trust auth). */
class GreylistStoreTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String NAME = "greylist_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final Duration DELAY = Duration.ofMinutes(5);
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Duration LIFETIME = Duration.ofDays(36);
    private static GovmailDataSource database;
    private static GreylistStore store;

    @BeforeAll
    static void createDatabase() throws Exception {
        admin("CREATE DATABASE " + NAME);
        database = new GovmailDataSource(new DatabaseConnection(SERVER + NAME, "postgres", ""));
        store = new GreylistStore(database);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
        admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }

    @Test
    void firstAttemptWaitsEarlyRetryWaitsRetryAfterTheDelayPassesAndStaysPassed() throws Exception {
        Instant t0 = Instant.parse("2026-11-22T01:00:00Z");
        var first = store.check("203.0.113.0/24", "a@x.example", "canbo@laichau.gov.vn", t0, DELAY, WINDOW, LIFETIME);
        assertThat(first.pass()).isFalse();
        assertThat(first.retryAfter()).isEqualTo(DELAY);

        var early = store.check("203.0.113.0/24", "a@x.example", "canbo@laichau.gov.vn", t0.plusSeconds(60), DELAY, WINDOW, LIFETIME);
        assertThat(early.pass()).isFalse();
        assertThat(early.retryAfter()).isEqualTo(Duration.ofMinutes(4));

        assertThat(store.check("203.0.113.0/24", "a@x.example", "canbo@laichau.gov.vn", t0.plusSeconds(301), DELAY, WINDOW, LIFETIME).pass()).isTrue();
        assertThat(store.check("203.0.113.0/24", "a@x.example", "canbo@laichau.gov.vn", t0.plus(Duration.ofDays(10)), DELAY, WINDOW, LIFETIME).pass()).isTrue();
        // another recipient is another triplet
        assertThat(store.check("203.0.113.0/24", "a@x.example", "other@laichau.gov.vn", t0.plusSeconds(400), DELAY, WINDOW, LIFETIME).pass()).isFalse();
    }

    @Test
    void aRetryAfterTheWindowStartsOverAndAnUnusedPassExpires() throws Exception {
        Instant t0 = Instant.parse("2026-11-22T01:00:00Z");
        store.check("198.51.100.0/24", "b@y.example", "canbo@laichau.gov.vn", t0, DELAY, WINDOW, LIFETIME);
        var late = store.check("198.51.100.0/24", "b@y.example", "canbo@laichau.gov.vn", t0.plus(Duration.ofHours(25)), DELAY, WINDOW, LIFETIME);
        assertThat(late.pass()).isFalse();
        Instant restarted = t0.plus(Duration.ofHours(25));
        assertThat(store.check("198.51.100.0/24", "b@y.example", "canbo@laichau.gov.vn", restarted.plusSeconds(300), DELAY, WINDOW, LIFETIME).pass()).isTrue();
        Instant expired = restarted.plus(Duration.ofDays(40));
        assertThat(store.check("198.51.100.0/24", "b@y.example", "canbo@laichau.gov.vn", expired, DELAY, WINDOW, LIFETIME).pass()).isFalse();
    }

    @Test
    void clientsAreGroupedByTheirNetwork() throws Exception {
        assertThat(GreylistRcptHook.network(InetAddress.getByName("203.0.113.77"))).isEqualTo("203.0.113.0/24");
        assertThat(GreylistRcptHook.network(InetAddress.getByName("2001:db8:1:2:3::9"))).isEqualTo("2001:db8:1:2::/64");
    }

    private static void admin(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

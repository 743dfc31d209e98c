package vn.govmail.mailserver.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.govmail.mailserver.database.DatabaseConnection;
import vn.govmail.mailserver.database.GovmailDataSource;
import vn.govmail.mailserver.spam.QuarantineReleases.State;

/**
 * The quarantine's durable state on the machine's real PostgreSQL (a throwaway database): of concurrent releases
 * exactly one claims; only the current attempt's copy is admitted; a recovery's new attempt shuts out the old copy; the
 * digest's marks never go back and the day's run is remembered by a new process; when the daily run is due.
 */
class QuarantineStateTest {
    private static final String SERVER = System.getProperty("govmail.test.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String NAME = "quarantine_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static GovmailDataSource database;

    @BeforeAll
    static void create() throws Exception {
        admin("CREATE DATABASE " + NAME);
        database = new GovmailDataSource(new DatabaseConnection(SERVER + NAME, "postgres", ""));
    }

    @AfterAll
    static void drop() throws Exception {
        database.close();
        admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }

    private static void admin(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void ofTwentyConcurrentReleasesExactlyOneClaims() throws Exception {
        QuarantineReleases releases = new QuarantineReleases(database);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            // many rounds: a claim split between two releases (one recipient each) shows only in some interleavings
            for (int round = 0; round < 30; round++) {
                String key = "mail-" + UUID.randomUUID();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Set<String>>> claims = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String attempt = "attempt-" + i;
                    claims.add(threads.submit(() -> {
                        start.await();
                        return releases.claim(key, List.of("A@demo.gov.vn", "b@demo.gov.vn", "c@demo.gov.vn"), State.RELEASING, attempt, "test");
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Set<String>> claim : claims) {
                    Set<String> claimed = claim.get();
                    if (!claimed.isEmpty()) {
                        winners++;
                        assertThat(claimed).as("round " + round).containsExactlyInAnyOrder("a@demo.gov.vn", "b@demo.gov.vn", "c@demo.gov.vn");
                    }
                }
                assertThat(winners).as("round " + round).isEqualTo(1);
                assertThat(releases.handled(key)).containsExactlyInAnyOrder("a@demo.gov.vn", "b@demo.gov.vn", "c@demo.gov.vn");
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void onlyTheCurrentAttemptIsAdmittedAndARecoveryShutsOutTheOldCopy() throws Exception {
        QuarantineReleases releases = new QuarantineReleases(database);
        String key = "mail-" + UUID.randomUUID();
        assertThat(releases.claim(key, List.of("a@demo.gov.vn"), State.RELEASING, "first", "test")).hasSize(1);
        assertThat(releases.claim(key, List.of("a@demo.gov.vn"), State.DELETED, null, "test")).as("deleting a released mail").isEmpty();
        assertThat(releases.releasing()).contains(new QuarantineReleases.Pending(key, "a@demo.gov.vn", "first"));

        // "crash": a new process finds the row still releasing and re-queues under a new attempt
        QuarantineReleases afterRestart = new QuarantineReleases(database);
        afterRestart.reattempt(key, "a@demo.gov.vn", "second");
        assertThat(afterRestart.markDelivered(key, "a@demo.gov.vn", "first")).as("the copy queued before the crash").isFalse();
        assertThat(afterRestart.markDelivered(key, "a@demo.gov.vn", "second")).isTrue();
        assertThat(afterRestart.markDelivered(key, "a@demo.gov.vn", "second")).as("the spool redelivering the same copy").isTrue();
        assertThat(afterRestart.releasing()).noneMatch(pending -> pending.mailKey().equals(key));
        afterRestart.reattempt(key, "a@demo.gov.vn", "third");
        assertThat(afterRestart.markDelivered(key, "a@demo.gov.vn", "third")).as("delivered rows are never re-attempted").isFalse();
        assertThat(afterRestart.markDelivered(key, "c@demo.gov.vn", "second")).as("a recipient never claimed").isFalse();
    }

    @Test
    void aRewrittenRecipientIsRecognisedOnlyUnderTheCurrentAttemptAndAFailedQueueGivesTheClaimBack() throws Exception {
        QuarantineReleases releases = new QuarantineReleases(database);
        String key = "mail-" + UUID.randomUUID();
        releases.claim(key, List.of("old@demo.gov.vn"), State.RELEASING, "first", "test");
        assertThat(releases.isCurrentAttempt(key, "first")).as("the copy of this release, whatever its recipient became").isTrue();
        releases.reattempt(key, "old@demo.gov.vn", "second");
        assertThat(releases.isCurrentAttempt(key, "first")).as("a copy queued before the recovery").isFalse();

        String other = "mail-" + UUID.randomUUID();
        releases.claim(other, List.of("b@demo.gov.vn"), State.RELEASING, "x", "test");
        releases.unclaim(other, List.of("b@demo.gov.vn"), "x");
        assertThat(releases.handled(other)).as("pending again after the queue failed").isEmpty();
        assertThat(releases.claim(other, List.of("b@demo.gov.vn"), State.RELEASING, "y", "test")).hasSize(1);
    }

    @Test
    void digestMarksNeverGoBackAndTheDaysRunIsRemembered() throws Exception {
        QuarantineDigestStore store = new QuarantineDigestStore(database);
        String user = "digest-" + UUID.randomUUID() + "@demo.gov.vn";
        assertThat(store.lastUntil(user)).isEmpty();
        java.time.Instant first = java.time.Instant.parse("2026-11-22T01:00:00Z");
        store.recordSent(user.toUpperCase(java.util.Locale.ROOT), first);
        store.recordSent(user, first.minusSeconds(3600));   // an older mark never moves it back
        assertThat(new QuarantineDigestStore(database).lastUntil(user)).contains(first);

        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 22);
        assertThat(store.ranOn(day)).isFalse();
        store.recordRun(day);
        store.recordRun(day);
        assertThat(new QuarantineDigestStore(database).ranOn(day)).isTrue();
        assertThat(store.ranOn(day.plusDays(1))).isFalse();
    }

    @Test
    void theDailyRunIsDueFromTheHourVietnamTime() {
        // 23:30 UTC is 06:30 next day in Vietnam (UTC+7): not yet 7 o'clock; 00:00 UTC is 07:00
        assertThat(QuarantineDigestTask.due(java.time.ZonedDateTime.parse("2026-11-21T23:30:00Z"), 7)).isFalse();
        assertThat(QuarantineDigestTask.due(java.time.ZonedDateTime.parse("2026-11-22T00:00:00Z"), 7)).isTrue();
        assertThat(QuarantineDigestTask.due(java.time.ZonedDateTime.parse("2026-11-22T16:59:00Z"), 7)).isTrue();
    }
}

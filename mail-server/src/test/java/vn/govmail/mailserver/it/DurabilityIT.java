package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "A mail acknowledged with 250 survives kill -9": several SMTP connections send mail, the server process is
 * SIGKILLed at a random moment, restarted on the same data, and every acknowledged message must reach its
 * mailbox. Duplicates (a delivery that ran but whose queue acknowledgement died with the process) are
 * allowed and reported.
 */
class DurabilityIT {
    private static final List<String> RECIPIENTS = List.of(
        MailServerProcess.demoUser("nguyenvana"), MailServerProcess.demoUser("tranthib"), MailServerProcess.demoUser("vanthu"));
    private static final int CONNECTIONS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 12;
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MailServerProcess.startEmbedded("durability");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void everyAcknowledgedMessageSurvivesKillMinus9() throws Exception {
        Random random = new Random();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 1; round <= 2; round++) {
            acknowledged.addAll(sendUntilKilled(round, Duration.ofMillis(random.nextInt(2000))));
            server.start();
        }
        assertThat(acknowledged).hasSizeGreaterThan(20);

        Map<String, Integer> stored = awaitAll(acknowledged, Duration.ofSeconds(180));
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(stored.keySet());
        long duplicates = stored.values().stream().filter(count -> count > 1).count();
        System.out.printf("durability: %d acknowledged, %d missing, %d duplicated%n", acknowledged.size(), missing.size(), duplicates);
        assertThat(missing).as("acknowledged with 250 but lost").isEmpty();
    }

    @Test
    void cleanRestartKeepsMailboxesUsersAndMessages() throws Exception {
        String subject = "restart-" + System.nanoTime();
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            smtp.send("RCPT TO:<" + RECIPIENTS.get(0) + ">");
            smtp.send("DATA");
            smtp.write(("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(smtp.send(".")).startsWith("250");
        }
        awaitAll(Set.of(subject), Duration.ofSeconds(60));
        assertThat(server.stop()).as("exit code after SIGTERM").isIn(0, 143);
        server.start();
        assertThat(MailboxInspector.subjects(server, RECIPIENTS.get(0))).contains(subject);
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            smtp.send("MAIL FROM:<someone@example.org>");
            assertThat(smtp.send("RCPT TO:<" + RECIPIENTS.get(2) + ">")).as("users survive a restart").startsWith("250");
        }
    }

    /**
     * Sends from several connections until the server is killed; answers the subjects acknowledged with 250.
     * The kill comes a random moment after the first {@link #ACKNOWLEDGED_BEFORE_KILL} acknowledgements, not after
     * a fixed time: on a loaded machine a fixed time may pass before the first message is even accepted.
     */
    private Set<String> sendUntilKilled(int round, Duration killAfterEnoughAcknowledged) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        for (int connection = 0; connection < CONNECTIONS; connection++) {
            senders.submit(() -> {
                while (!killed.get()) {
                    try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
                        smtp.send("EHLO load.example.org");
                        while (!killed.get()) {
                            String subject = "durability-r" + round + "-" + sequence.incrementAndGet();
                            String recipient = RECIPIENTS.get(Math.floorMod(subject.hashCode(), RECIPIENTS.size()));
                            if (!smtp.send("MAIL FROM:<load@example.org>").startsWith("250")
                                || !smtp.send("RCPT TO:<" + recipient + ">").startsWith("250")
                                || !smtp.send("DATA").startsWith("354")) {
                                break;
                            }
                            smtp.write(("Subject: " + subject + "\r\nTo: " + recipient + "\r\n\r\n" + "nội dung ".repeat(200) + "\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                            if (smtp.send(".").startsWith("250")) {
                                acknowledged.add(subject);
                            }
                        }
                    } catch (Exception connectionLost) {
                        // expected once the server is killed; anything not acknowledged is not counted
                    }
                }
                return null;
            });
        }
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        Thread.sleep(killAfterEnoughAcknowledged.toMillis());
        server.kill9();
        killed.set(true);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return acknowledged;
    }

    /** Waits until every subject is in its recipient's INBOX; answers how many copies of each were found. */
    private static Map<String, Integer> awaitAll(Set<String> subjects, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Integer> counts = new HashMap<>();
        while (true) {
            counts.clear();
            for (String recipient : RECIPIENTS) {
                for (String subject : MailboxInspector.subjects(server, recipient)) {
                    if (subjects.contains(subject)) {
                        counts.merge(subject, 1, Integer::sum);
                    }
                }
            }
            if (counts.keySet().containsAll(subjects) || Instant.now().isAfter(deadline)) {
                return counts;
            }
            Thread.sleep(1000);
        }
    }

}

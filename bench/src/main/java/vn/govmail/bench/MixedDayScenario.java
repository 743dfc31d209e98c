package vn.govmail.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3: a working day compressed into {@code --duration} seconds (default 300): SMTP senders at a paced
 * inflow, IMAP readers that log in, read the newest mail and log out, and webmail-like sessions that stay logged
 * in and refresh a message list (UID FETCH of the newest 50 with ENVELOPE and BODYSTRUCTURE), open a message
 * and mark it seen. Reports per-command latency and, at the end, whether all the mail arrived.
 */
final class MixedDayScenario implements Scenario {
    private static final long READER_PAUSE_MILLIS = 2000;
    private static final long WEBMAIL_PAUSE_MILLIS = 5000;

    @Override
    public void run(BenchOptions options, ResultTable table) throws Exception {
        Duration duration = Duration.ofSeconds(options.number("duration", 300));
        int senders = options.number("senders", 4);
        double rate = options.number("rate", 20);
        int readers = options.number("readers", 10);
        int webmail = options.number("webmail", 20);
        int size = options.sizes("sizes", "4k").get(0);
        String caseName = "mixed " + duration.toSeconds() + " s: " + rate + " msg/s in, " + readers + " readers, " + webmail + " webmail";
        for (Target target : options.targets) {
            Bench.progress(caseName + " → " + target.name());
            runCase(target, caseName, duration, senders, rate, readers, webmail, size, table);
        }
    }

    private static void runCase(Target target, String caseName, Duration duration, int senders, double rate, int readers,
                                int webmail, int size, ResultTable table) throws Exception {
        List<String> users = target.recipients();
        Latencies latencies = new Latencies();
        Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        try (MailboxCounter counter = new MailboxCounter(target, users)) {
            ServerMeter meter = target.meter();
            meter.start();
            long start = System.nanoTime();
            Instant end = Instant.now().plus(duration);
            long intervalNanos = (long) (senders * 1e9 / rate);
            Clients.runAll(senders + readers + webmail, "mixed", client -> {
                if (client < senders) {
                    send(target, users, size, intervalNanos, end, latencies, accepted, sequence);
                } else if (client < senders + readers) {
                    read(target, users.get(client % users.size()), end, latencies);
                } else {
                    browse(target, users.get(client % users.size()), end, latencies);
                }
            });
            Map<String, Long> expected = new TreeMap<>();
            accepted.forEach((user, count) -> expected.put(user, count.get()));
            long acceptedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
            long delivered = counter.awaitDelivery(expected, Instant.now().plusSeconds(120));
            double seconds = (System.nanoTime() - start) / 1e9;
            ServerMeter.Usage usage = meter.stop();
            table.put(caseName, "messages accepted", "count", target.name(), (double) acceptedTotal, true);
            table.put(caseName, "messages delivered", "count", target.name(), (double) delivered, true);
            latencies.addTo(table, target.name(), caseName, seconds);
            Resources.report(table, caseName, target.name(), meter, usage, delivered);
        }
    }

    private static void send(Target target, List<String> users, int size, long intervalNanos, Instant end, Latencies latencies,
                             Map<String, AtomicLong> accepted, AtomicInteger sequence) throws Exception {
        try (SmtpSession session = SmtpSession.open(target.smtp())) {
            long nextSend = System.nanoTime();
            while (Instant.now().isBefore(end)) {
                int index = sequence.getAndIncrement();
                String recipient = users.get(ThreadLocalRandom.current().nextInt(users.size()));
                byte[] message = TestMessages.message(index, recipient, size);
                latencies.time("SMTP message", () -> {
                    session.send(recipient, message);
                    return null;
                });
                accepted.computeIfAbsent(recipient, k -> new AtomicLong()).incrementAndGet();
                nextSend += intervalNanos;
                long sleep = nextSend - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
    }

    /** An IMAP desktop client checking mail: log in, read the newest few messages, log out, pause. */
    private static void read(Target target, String user, Instant end, Latencies latencies) throws Exception {
        while (Instant.now().isBefore(end)) {
            try (ImapConnection connection = latencies.time("connect+LOGIN", () -> target.login(user))) {
                int exists = ImapSessionScenario.exists(latencies.time("SELECT", () -> connection.expectOk("SELECT INBOX")));
                if (exists > 0) {
                    String newest = Math.max(1, exists - 19) + ":" + exists;
                    latencies.time("FETCH newest 20 (FLAGS ENVELOPE)", () -> connection.expectOk("FETCH " + newest + " (FLAGS ENVELOPE)"));
                    for (int i = 0; i < Math.min(3, exists); i++) {
                        int number = exists - i;
                        latencies.time("FETCH BODY[]", () -> connection.expectOk("FETCH " + number + " BODY[]"));
                    }
                }
                latencies.time("LOGOUT", () -> connection.command("LOGOUT"));
            }
            Thread.sleep(READER_PAUSE_MILLIS);
        }
    }

    /** A webmail session: stays logged in, refreshes the list, opens a message. */
    private static void browse(Target target, String user, Instant end, Latencies latencies) throws Exception {
        try (ImapConnection connection = latencies.time("connect+LOGIN", () -> target.login(user))) {
            latencies.time("SELECT", () -> connection.expectOk("SELECT INBOX"));
            while (Instant.now().isBefore(end)) {
                latencies.time("NOOP", () -> connection.expectOk("NOOP"));
                ImapConnection.Response status = latencies.time("STATUS", () -> connection.expectOk("STATUS INBOX (MESSAGES UNSEEN)"));
                int exists = ImapSessionScenario.exists(connection.expectOk("SELECT INBOX"));
                if (exists > 0 && status.ok()) {
                    String page = Math.max(1, exists - 49) + ":" + exists;
                    latencies.time("FETCH page of 50 (ENVELOPE BODYSTRUCTURE)",
                        () -> connection.expectOk("FETCH " + page + " (UID FLAGS RFC822.SIZE ENVELOPE BODYSTRUCTURE)"));
                    int number = 1 + ThreadLocalRandom.current().nextInt(exists);
                    latencies.time("FETCH BODY.PEEK[TEXT]", () -> connection.expectOk("FETCH " + number + " (BODY.PEEK[HEADER] BODY.PEEK[TEXT])"));
                    latencies.time("STORE", () -> connection.expectOk("STORE " + number + " +FLAGS (\\Seen)"));
                }
                Thread.sleep(WEBMAIL_PAUSE_MILLIS);
            }
            connection.command("LOGOUT");
        } catch (IOException e) {
            throw new IOException("webmail session of " + user + ": " + e.getMessage(), e);
        }
    }
}

package vn.govmail.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 1: SMTP delivery. N sessions send a bounded number of messages (and stop at a time bound); the clock
 * runs from the first connection until every accepted message is visible in its recipient's INBOX (STATUS).
 * Recipients: "many" spreads messages over every account, "one" sends them all to account 0. An unmeasured
 * warm-up ({@code --warmup}, 500 messages) runs first on each target.
 */
final class SmtpDeliveryScenario implements Scenario {
    @Override
    public void run(BenchOptions options, ResultTable table) throws Exception {
        int messages = options.number("messages", 1000);
        Duration sendLimit = Duration.ofSeconds(options.number("max-seconds", 120));
        Duration drainLimit = Duration.ofSeconds(options.number("drain-seconds", 300));
        int warmup = options.number("warmup", 500);
        if (warmup > 0) {
            // A JVM compiles its hot paths during the first minutes (on 2 cores the JIT alone took ~30 CPU-s here):
            // both targets get the same unmeasured warm-up so that the figures are the steady state.
            ResultTable discarded = new ResultTable(options.targets.stream().map(Target::name).toList());
            for (Target target : options.targets) {
                Bench.progress("warm-up: " + warmup + " messages → " + target.name() + " (not measured)");
                runCase(target, "warm-up", target.recipients(), 4096, 20, warmup, sendLimit, drainLimit, discarded);
            }
        }
        for (int size : options.sizes("sizes", "4k,100k")) {
            for (String mode : options.texts("recipients", "many,one")) {
                for (int sessions : options.numbers("sessions", "1,20,50")) {
                    String caseName = "smtp " + BenchOptions.sizeLabel(size) + " ×" + sessions + " " + mode;
                    for (Target target : options.targets) {
                        Bench.progress(caseName + " → " + target.name());
                        List<String> recipients = mode.equals("one") ? List.of(target.user(0)) : target.recipients();
                        runCase(target, caseName, recipients, size, sessions, messages, sendLimit, drainLimit, table);
                    }
                }
            }
        }
    }

    static void runCase(Target target, String caseName, List<String> recipients, int size, int sessions, int messages,
                        Duration sendLimit, Duration drainLimit, ResultTable table) throws Exception {
        try (MailboxCounter counter = new MailboxCounter(target, recipients)) {
            ServerMeter meter = target.meter();
            meter.start();
            Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            Instant sendDeadline = Instant.now().plus(sendLimit);
            Clients.runAll(sessions, "smtp", client -> {
                SmtpSession session = null;
                try {
                    int index;
                    while ((index = next.getAndIncrement()) < messages && Instant.now().isBefore(sendDeadline)) {
                        String recipient = recipients.get(index % recipients.size());
                        try {
                            if (session == null) {
                                session = SmtpSession.open(target.smtp());
                            }
                            session.send(recipient, TestMessages.message(index, recipient, size));
                            accepted.computeIfAbsent(recipient, k -> new AtomicLong()).incrementAndGet();
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            Bench.progress("  send failed: " + e.getMessage());
                            if (session != null) {
                                session.close();
                                session = null;
                            }
                        }
                    }
                } finally {
                    if (session != null) {
                        session.close();
                    }
                }
            });
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> expected = new TreeMap<>();
            accepted.forEach((user, count) -> expected.put(user, count.get()));
            long acceptedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
            long delivered = counter.awaitDelivery(expected, Instant.now().plus(drainLimit));
            double seconds = (System.nanoTime() - start) / 1e9;
            ServerMeter.Usage usage = meter.stop();

            String name = target.name();
            table.put(caseName, "delivered", "msg/s", name, delivered / seconds, true);
            table.put(caseName, "accepted (250)", "msg/s", name, acceptedTotal / sendSeconds, true);
            table.put(caseName, "messages sent/delivered", "count", name, (double) delivered, true);
            if (acceptedTotal != delivered || failed.get() > 0) {
                table.note(caseName + " on " + name + ": " + acceptedTotal + " accepted, " + delivered + " delivered within "
                    + drainLimit.toSeconds() + " s of the last send, " + failed.get() + " refused or failed");
            }
            Resources.report(table, caseName, name, meter, usage, delivered);
        }
    }
}

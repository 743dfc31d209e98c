package vn.govmail.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 2: N clients each run whole sessions on one large INBOX (account number user-count): connect and LOGIN,
 * SELECT, FETCH 1:* (FLAGS ENVELOPE), 100 random bodies, SEARCH BODY for a word, STORE flags, IDLE, LOGOUT.
 * Reports sessions/s and commands/s, and p50/p99 per command. The mailbox is filled with APPEND first (not timed).
 */
final class ImapSessionScenario implements Scenario {
    static final List<String> ALL_STEPS = List.of("select", "fetch-envelopes", "bodies", "search", "store", "idle");
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS");
    private static final int FILL_CLIENTS = 4;

    @Override
    public void run(BenchOptions options, ResultTable table) throws Exception {
        int mailboxSize = options.number("mailbox-size", 10_000);
        int rounds = options.number("rounds", 2);
        int bodies = options.number("bodies", 100);
        int maxSeconds = options.number("max-seconds", 120);
        List<String> steps = options.texts("imap-steps", String.join(",", ALL_STEPS));
        for (Target target : options.targets) {
            fill(target, mailboxSize);
        }
        if (options.number("warmup", 1) > 0) {
            ResultTable discarded = new ResultTable(options.targets.stream().map(Target::name).toList());
            for (Target target : options.targets) {
                Bench.progress("warm-up: one IMAP session → " + target.name() + " (not measured)");
                runCase(target, "warm-up", 1, 1, bodies, steps, Instant.now().plusSeconds(maxSeconds), discarded);
            }
        }
        for (int clients : options.numbers("sessions", "1,20,50")) {
            String caseName = "imap " + mailboxSize + " msgs ×" + clients;
            for (Target target : options.targets) {
                Bench.progress(caseName + " → " + target.name());
                runCase(target, caseName, clients, rounds, bodies, steps, Instant.now().plusSeconds(maxSeconds), table);
            }
        }
    }

    /** APPENDs 4 KB messages until the INBOX holds at least {@code size} messages. */
    static void fill(Target target, int size) throws Exception {
        long present;
        try (ImapConnection connection = target.login(target.imapUser())) {
            present = MailboxCounter.messages(connection);
        }
        long missing = size - present;
        if (missing <= 0) {
            return;
        }
        Bench.progress("filling " + target.imapUser() + " on " + target.name() + " with " + missing + " messages (APPEND, not timed)");
        AtomicLong next = new AtomicLong(present);
        Clients.runAll(FILL_CLIENTS, "fill", client -> {
            try (ImapConnection connection = target.login(target.imapUser())) {
                long index;
                while ((index = next.getAndIncrement()) < size) {
                    ImapConnection.Response response = connection.append("INBOX", TestMessages.message((int) index, target.imapUser(), 4096));
                    if (!response.ok()) {
                        throw new IOException("APPEND failed: " + response.text());
                    }
                }
            }
        });
    }

    private static void runCase(Target target, String caseName, int clients, int rounds, int bodies, List<String> steps,
                                Instant deadline, ResultTable table) throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger sessions = new AtomicInteger();
        ServerMeter meter = target.meter();
        meter.start();
        long start = System.nanoTime();
        Clients.runAll(clients, "imap", client -> {
            for (int round = 0; round < rounds && Instant.now().isBefore(deadline); round++) {
                session(target, latencies, bodies, steps, round);
                sessions.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        ServerMeter.Usage usage = meter.stop();
        table.put(caseName, "sessions", "1/s", target.name(), sessions.get() / seconds, true);
        table.put(caseName, "commands", "1/s", target.name(), latencies.count() / seconds, true);
        latencies.addTo(table, target.name(), caseName, seconds);
        Resources.report(table, caseName, target.name(), meter, usage, 0);
    }

    private static void session(Target target, Latencies latencies, int bodies, List<String> steps, int round) throws IOException {
        ImapConnection connection = latencies.time("connect+LOGIN", () -> target.login(target.imapUser()));
        try {
            ImapConnection.Response select = latencies.time("SELECT", () -> connection.expectOk("SELECT INBOX"));
            int exists = exists(select);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (steps.contains("fetch-envelopes")) {
                ImapConnection.Response fetch = latencies.time("FETCH 1:* (FLAGS ENVELOPE)", () -> connection.expectOk("FETCH 1:* (FLAGS ENVELOPE)"));
                long fetched = fetch.untagged().stream().filter(line -> line.contains(" FETCH ")).count();
                if (fetched < exists) {
                    throw new IOException("FETCH 1:* returned " + fetched + " of " + exists + " messages");
                }
            }
            if (steps.contains("bodies")) {
                for (int i = 0; i < bodies; i++) {
                    int number = 1 + random.nextInt(exists);
                    ImapConnection.Response body = latencies.time("FETCH BODY[]", () -> connection.expectOk("FETCH " + number + " BODY.PEEK[]"));
                    if (body.literalBytes() == 0) {
                        throw new IOException("FETCH " + number + " BODY.PEEK[] returned no body");
                    }
                }
            }
            if (steps.contains("search")) {
                ImapConnection.Response search = latencies.time("SEARCH BODY", () -> connection.expectOk("SEARCH BODY " + TestMessages.SEARCH_WORD));
                boolean found = search.untagged().stream().anyMatch(line -> line.startsWith("* SEARCH ") && line.length() > 9);
                if (!found && exists >= TestMessages.SEARCH_WORD_EVERY) {
                    throw new IOException("SEARCH BODY " + TestMessages.SEARCH_WORD + " found nothing in " + exists + " messages");
                }
            }
            if (steps.contains("store")) {
                int first = 1 + random.nextInt(exists);
                String change = round % 2 == 0 ? "+FLAGS" : "-FLAGS";
                latencies.time("STORE", () -> connection.expectOk("STORE " + first + ":" + Math.min(exists, first + 9) + " " + change + " (\\Flagged)"));
            }
            if (steps.contains("idle")) {
                latencies.time("IDLE+DONE", () -> {
                    String tag = connection.startIdle();
                    ImapConnection.Response done = connection.finishIdle(tag);
                    if (!done.ok()) {
                        throw new IOException("IDLE ended with " + done.status() + " " + done.text());
                    }
                    return done;
                });
            }
            latencies.time("LOGOUT", () -> connection.command("LOGOUT"));
        } finally {
            connection.close();
        }
    }

    static int exists(ImapConnection.Response select) throws IOException {
        for (String line : select.untagged()) {
            Matcher matcher = EXISTS.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new IOException("SELECT without EXISTS");
    }
}

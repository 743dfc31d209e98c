package vn.govmail.bench;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches INBOX message counts over IMAP STATUS, on one logged-in connection per account opened before the
 * measurement starts, so that watching costs the server one cheap STATUS per account still waiting for mail.
 * "Delivered" means visible in the recipient's mailbox, not merely accepted by SMTP.
 */
final class MailboxCounter implements Closeable {
    private static final Pattern MESSAGES = Pattern.compile("MESSAGES (\\d+)");
    private static final long POLL_PAUSE_MILLIS = 50;

    private final Map<String, ImapConnection> connections = new LinkedHashMap<>();
    private final Map<String, Long> baseline = new LinkedHashMap<>();

    MailboxCounter(Target target, Collection<String> users) throws IOException {
        try {
            for (String user : users) {
                ImapConnection connection = target.login(user);
                connections.put(user, connection);
                baseline.put(user, messages(connection));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    static long messages(ImapConnection connection) throws IOException {
        ImapConnection.Response status = connection.expectOk("STATUS INBOX (MESSAGES)");
        for (String line : status.untagged()) {
            Matcher matcher = MESSAGES.matcher(line);
            if (line.startsWith("* STATUS") && matcher.find()) {
                return Long.parseLong(matcher.group(1));
            }
        }
        throw new IOException("STATUS without MESSAGES: " + status.untagged());
    }

    /**
     * Polls until every account shows its expected number of new messages or the deadline passes.
     * @return the number of new messages seen (each account counted up to what it expects)
     */
    long awaitDelivery(Map<String, Long> expectedNew, Instant deadline) throws IOException {
        Map<String, Long> seen = new LinkedHashMap<>();
        expectedNew.keySet().forEach(user -> seen.put(user, 0L));
        while (true) {
            boolean complete = true;
            for (Map.Entry<String, Long> expected : expectedNew.entrySet()) {
                String user = expected.getKey();
                if (seen.get(user) >= expected.getValue()) {
                    continue;
                }
                long now = messages(connections.get(user)) - baseline.get(user);
                seen.put(user, Math.min(now, expected.getValue()));
                complete &= now >= expected.getValue();
            }
            if (complete || Instant.now().isAfter(deadline)) {
                return seen.values().stream().mapToLong(Long::longValue).sum();
            }
            try {
                Thread.sleep(POLL_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for delivery", e);
            }
        }
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            try {
                connection.command("LOGOUT");
            } catch (IOException ignored) {
                // closing anyway
            }
            connection.close();
        });
    }
}

package vn.govmail.webmail.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force brake in front of the IMAP login: after {@value #FREE_FAILURES} failures within the window, an
 * account (whatever the client address) and a client address (whatever the account) are refused without
 * asking the server, until the oldest failure leaves the window. The server has its own limits; this keeps a
 * password-guessing bot from using the webmail as an amplifier.
 */
public class LoginThrottle {
    static final int FREE_FAILURES = 5;
    private static final int MAX_TRACKED = 100_000;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** How long this account/address must wait, or zero when a login may be tried now. */
    public Duration waitBefore(String user, String clientAddress) {
        Duration forUser = wait(key("u", user));
        Duration forAddress = wait(key("a", clientAddress));
        return forUser.compareTo(forAddress) > 0 ? forUser : forAddress;
    }

    public void failed(String user, String clientAddress) {
        if (failures.size() > MAX_TRACKED) {
            prune();
        }
        record(key("u", user));
        record(key("a", clientAddress));
    }

    public void succeeded(String user) {
        failures.remove(key("u", user));
    }

    private Duration wait(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            Instant now = clock.instant();
            while (!times.isEmpty() && times.peekFirst().plus(window).isBefore(now)) {
                times.pollFirst();
            }
            if (times.size() < FREE_FAILURES) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(window));
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > FREE_FAILURES * 4) {
                times.pollFirst();
            }
        }
    }

    private void prune() {
        Instant limit = clock.instant().minus(window);
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(limit);
            }
        });
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
    }
}

package vn.govmail.mailserver.userapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Username;

/**
 * Short-lived session tokens of mail users for the user API ({@code /govmail/me/...}). The webmail obtains one with
 * the user's mail password at login and presents it as a bearer token afterwards, so the password is checked (and
 * hashed) once per login, not once per request.
 *
 * <p>Kept in memory only, by the SHA-256 of the token: a restart ends every session (the webmail then signs in
 * again with the credentials it holds), and a heap dump reveals no usable token. A session ends after
 * {@code idleTimeout} without use and at the latest {@code maxAge} after it began.
 */
public class UserSessions {
    public record Session(Username user, Instant created, Instant lastUsed) {
    }

    public static final String TOKEN_PREFIX = "ust_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Clock clock;

    public UserSessions(Duration idleTimeout, Duration maxAge, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return a new token ({@code ust_} + 256 random bits) for this user */
    public String open(Username user) {
        pruneExpired();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        sessions.put(hash(token), new Session(user, now, now));
        return token;
    }

    /** @return the user of a live session (and marks it used), or empty for an unknown, ended or expired token */
    public Optional<Username> use(String token) {
        String key = hash(token);
        Instant now = clock.instant();
        Session updated = sessions.computeIfPresent(key, (k, session) -> isExpired(session, now) ? null
            : new Session(session.user(), session.created(), now));
        return Optional.ofNullable(updated).map(Session::user);
    }

    public void close(String token) {
        sessions.remove(hash(token));
    }

    /** Ends every session of a user (account disabled, deleted or renamed, password reset). */
    public void closeAll(Username user) {
        sessions.values().removeIf(session -> session.user().equals(user));
    }

    public int size() {
        return sessions.size();
    }

    private boolean isExpired(Session session, Instant now) {
        return session.lastUsed().plus(idleTimeout).isBefore(now) || session.created().plus(maxAge).isBefore(now);
    }

    private void pruneExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> isExpired(session, now));
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

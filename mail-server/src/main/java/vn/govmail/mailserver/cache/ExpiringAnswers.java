package vn.govmail.mailserver.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers of a store remembered for a short time, forgotten all at once when the store changes. Each answer
 * carries the generation it was read in, and {@link #forget()} starts a new one: an answer read before a change
 * but stored after it (the read and the change racing) belongs to the old generation and is never used.
 *
 * @param <K> what was asked
 * @param <V> the store's answer (may be an empty Optional, a "no such thing" answer is remembered too)
 */
public final class ExpiringAnswers<K, V> {
    /** Reads the answer from the store. */
    @FunctionalInterface
    public interface Read<V, E extends Exception> {
        V get() throws E;
    }

    private record Entry<V>(V value, Instant expires, long generation) {
    }

    private final Duration timeToLive;
    private final Clock clock;
    private final int maxEntries;
    private final Map<K, Entry<V>> answers = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** @param maxEntries more distinct questions than this (e.g. a dictionary attack on RCPT) and it starts over */
    public ExpiringAnswers(Duration timeToLive, Clock clock, int maxEntries) {
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The remembered answer, or the store's (then remembered). */
    public <E extends Exception> V get(K key, Read<V, E> read) throws E {
        Optional<V> remembered = remembered(key);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        long readGeneration = generation.get();
        Instant readAt = clock.instant();
        V value = read.get();
        if (answers.size() >= maxEntries) {
            answers.clear();
        }
        answers.put(key, new Entry<>(value, readAt.plus(timeToLive), readGeneration));
        return value;
    }

    /** The remembered answer if there is a current one; never asks the store. */
    public Optional<V> remembered(K key) {
        Entry<V> entry = answers.get(key);
        if (entry != null && entry.generation() == generation.get() && clock.instant().isBefore(entry.expires())) {
            return Optional.of(entry.value());
        }
        return Optional.empty();
    }

    /** After a change: no answer read before now is used again. */
    public void forget() {
        generation.incrementAndGet();
        answers.clear();
    }
}

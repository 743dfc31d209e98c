package vn.govmail.spamfilter;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts, per step, how many scans ran and how many ended in "no opinion" (exception or timeout). */
public final class StepStatistics {
    private final Map<String, LongAdder> runs = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> timeouts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

    void took(String step, long elapsedNanos) {
        nanos.computeIfAbsent(step, s -> new LongAdder()).add(elapsedNanos);
    }

    /** Mean time spent in a step, in microseconds. */
    public long meanMicros(String step) {
        long n = runs(step);
        LongAdder total = nanos.get(step);
        return n == 0 || total == null ? 0 : total.sum() / n / 1000;
    }

    void ran(String step) {
        runs.computeIfAbsent(step, s -> new LongAdder()).increment();
    }

    void failed(String step) {
        failures.computeIfAbsent(step, s -> new LongAdder()).increment();
    }

    void timedOut(String step) {
        timeouts.computeIfAbsent(step, s -> new LongAdder()).increment();
    }

    public long runs(String step) {
        LongAdder n = runs.get(step);
        return n == null ? 0 : n.sum();
    }

    public long failures(String step) {
        LongAdder n = failures.get(step);
        return n == null ? 0 : n.sum();
    }

    public long timeouts(String step) {
        LongAdder n = timeouts.get(step);
        return n == null ? 0 : n.sum();
    }

    /** step → {runs, failures, timeouts, mean µs}, for the admin API, logs and benchmarks. */
    public Map<String, long[]> snapshot() {
        Map<String, long[]> snapshot = new TreeMap<>();
        runs.keySet().forEach(step -> snapshot.put(step, new long[]{runs(step), failures(step), timeouts(step), meanMicros(step)}));
        return snapshot;
    }
}

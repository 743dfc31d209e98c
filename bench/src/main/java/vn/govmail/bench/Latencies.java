package vn.govmail.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Response times per command, from every client thread. */
final class Latencies {
    private final Map<String, List<Long>> nanosByCommand = new TreeMap<>();

    synchronized void record(String command, long nanos) {
        nanosByCommand.computeIfAbsent(command, k -> new ArrayList<>()).add(nanos);
    }

    synchronized long count() {
        return nanosByCommand.values().stream().mapToLong(List::size).sum();
    }

    synchronized void addTo(ResultTable table, String targetName, String caseName, double seconds) {
        nanosByCommand.forEach((command, nanos) -> {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            table.put(caseName, command + " p50", "ms", targetName, percentile(sorted, 0.50) / 1e6, false);
            table.put(caseName, command + " p99", "ms", targetName, percentile(sorted, 0.99) / 1e6, false);
            table.put(caseName, command + " per s", "1/s", targetName, sorted.size() / seconds, true);
        });
    }

    private static double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Times one command and records it. */
    <T> T time(String command, IoCall<T> call) throws java.io.IOException {
        long start = System.nanoTime();
        T result = call.run();
        record(command, System.nanoTime() - start);
        return result;
    }

    @FunctionalInterface
    interface IoCall<T> {
        T run() throws java.io.IOException;
    }
}

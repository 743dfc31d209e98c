package vn.govmail.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Resource use of a server made of several processes (a JVM plus its PostgreSQL; Postfix's and Dovecot's
 * masters plus their children), read from /proc so that measuring does not slow the server:
 * CPU = utime + stime of every live process of the trees plus cutime + cstime (children already reaped);
 * memory = the sum of PSS (proportional set size, so pages shared between a master and its children count once),
 * sampled every second; disk = bytes allocated under the data directories.
 */
final class ServerMeter {
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final long SAMPLE_MILLIS = 1000;

    private final List<Long> rootPids;
    private final List<Path> dataDirs;
    private long startTicks;
    private long startDisk;
    private volatile long peakPss;
    private Thread sampler;

    ServerMeter(List<Long> rootPids, List<Path> dataDirs) {
        this.rootPids = rootPids;
        this.dataDirs = dataDirs;
    }

    boolean measuresProcesses() {
        return !rootPids.isEmpty();
    }

    boolean measuresDisk() {
        return !dataDirs.isEmpty();
    }

    void start() {
        startTicks = cpuTicks();
        startDisk = diskBytes();
        peakPss = pssBytes();
        if (measuresProcesses()) {
            sampler = Thread.ofPlatform().daemon().name("server-meter").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(SAMPLE_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    peakPss = Math.max(peakPss, pssBytes());
                }
            });
        }
    }

    record Usage(double cpuSeconds, long peakMemoryBytes, long diskGrowthBytes) {
    }

    Usage stop() {
        if (sampler != null) {
            sampler.interrupt();
        }
        peakPss = Math.max(peakPss, pssBytes());
        return new Usage((cpuTicks() - startTicks) / (double) CLOCK_TICKS_PER_SECOND, peakPss, diskBytes() - startDisk);
    }

    /** The current memory of the server's processes (sum of PSS). */
    long memoryBytes() {
        return pssBytes();
    }

    private List<Long> processes() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                .forEach(name -> {
                    String[] fields = statFields(Long.parseLong(name));
                    if (fields != null) {
                        children.computeIfAbsent(Long.parseLong(fields[1]), k -> new ArrayList<>()).add(Long.parseLong(name));
                    }
                });
        } catch (IOException e) {
            return List.of();
        }
        Set<Long> seen = new HashSet<>();
        Deque<Long> pending = new ArrayDeque<>(rootPids);
        while (!pending.isEmpty()) {
            long pid = pending.pop();
            if (seen.add(pid)) {
                pending.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return new ArrayList<>(seen);
    }

    /** Fields of /proc/pid/stat after the command name: [0] = state, [1] = ppid, [11..14] = utime stime cutime cstime. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private long cpuTicks() {
        long ticks = 0;
        for (long pid : processes()) {
            String[] fields = statFields(pid);
            if (fields != null) {
                for (int i = 11; i <= 14; i++) {
                    ticks += Long.parseLong(fields[i]);
                }
            }
        }
        return ticks;
    }

    private long pssBytes() {
        long total = 0;
        for (long pid : processes()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between listing and reading
            }
        }
        return total;
    }

    private long diskBytes() {
        if (dataDirs.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("du", "-s", "-B1", "-c"));
        dataDirs.forEach(dir -> command.add(dir.toString()));
        try {
            Process du = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(du.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            du.waitFor(60, TimeUnit.SECONDS);
            String[] lines = output.strip().split("\n");
            return Long.parseLong(lines[lines.length - 1].split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}

package vn.govmail.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The benchmark command: {@code bench/run <smtp|imap|mixed|idle> [options] --target A ... --target B ...}.
 * Runs the named scenario against every target (alternating per case, so that both see the same machine load)
 * and prints one Markdown table with the ratio A / B. See docs/benchmarks.md.
 */
public final class Bench {
    private static final Map<String, Scenario> SCENARIOS = Map.of(
        "smtp", new SmtpDeliveryScenario(),
        "imap", new ImapSessionScenario(),
        "mixed", new MixedDayScenario(),
        "idle", new IdleConnectionsScenario());

    private Bench() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("usage: bench/run <smtp|imap|mixed|idle> [options] [--target NAME --smtp HOST:PORT --imap HOST:PORT ...]... (docs/benchmarks.md)");
            System.exit(64);
        }
    }

    /** Runs a scenario and prints its table; returns 0, or 1 when a client failed (the error is printed). */
    static int run(String[] args) {
        BenchOptions options = new BenchOptions(args);
        ResultTable table = newTable(options);
        int status = 0;
        try {
            scenario(options).run(options, table);
        } catch (Exception e) {
            table.note("FAILED: " + e);
            System.err.println("bench: " + options.scenario + " failed: " + e);
            status = 1;
        }
        table.note("load average " + loadAverage() + " at the end");
        table.print(System.out);
        return status;
    }

    /** Runs a scenario and returns its figures; a client failure is thrown. */
    static ResultTable measure(String... args) throws Exception {
        BenchOptions options = new BenchOptions(args);
        ResultTable table = newTable(options);
        scenario(options).run(options, table);
        return table;
    }

    private static Scenario scenario(BenchOptions options) {
        Scenario scenario = SCENARIOS.get(options.scenario);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario '" + options.scenario + "': smtp, imap, mixed or idle");
        }
        return scenario;
    }

    private static ResultTable newTable(BenchOptions options) {
        ResultTable table = new ResultTable(options.targets.stream().map(Target::name).toList());
        table.note("run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, load average "
            + loadAverage() + " at the start");
        return table;
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void progress(String text) {
        System.err.println("bench: " + text);
    }
}

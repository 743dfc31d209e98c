package vn.govmail.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 4: how many IMAP connections in IDLE the server holds, and what each costs in server memory (the
 * growth of the server's PSS divided by the connections, after the server settles). At the end every connection
 * must still answer DONE with OK.
 */
final class IdleConnectionsScenario implements Scenario {
    private static final long SETTLE_MILLIS = 5000;

    @Override
    public void run(BenchOptions options, ResultTable table) throws Exception {
        int connections = options.number("connections", 500);
        String caseName = "idle ×" + connections;
        for (Target target : options.targets) {
            Bench.progress(caseName + " → " + target.name());
            runCase(target, caseName, connections, table);
        }
    }

    private static void runCase(Target target, String caseName, int wanted, ResultTable table) throws Exception {
        ServerMeter meter = target.meter();
        Thread.sleep(SETTLE_MILLIS);
        long before = meter.memoryBytes();
        List<ImapConnection> open = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        long start = System.nanoTime();
        String failure = null;
        try {
            for (int i = 0; i < wanted; i++) {
                try {
                    ImapConnection connection = target.login(target.user(i % target.userCount()));
                    open.add(connection);
                    connection.expectOk("SELECT INBOX");
                    tags.add(connection.startIdle());
                } catch (IOException e) {
                    failure = "connection " + (i + 1) + ": " + e.getMessage();
                    break;
                }
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(SETTLE_MILLIS);
            long after = meter.memoryBytes();
            int answered = 0;
            for (int i = 0; i < tags.size(); i++) {
                try {
                    if (open.get(i).finishIdle(tags.get(i)).ok()) {
                        answered++;
                    }
                } catch (IOException e) {
                    // counted as not answering
                }
            }
            table.put(caseName, "IDLE connections held and answering", "count", target.name(), (double) answered, true);
            table.put(caseName, "open + LOGIN + SELECT + IDLE", "conn/s", target.name(), tags.size() / openSeconds, true);
            if (meter.measuresProcesses() && !tags.isEmpty()) {
                table.put(caseName, "server memory per IDLE connection", "KB", target.name(), (after - before) / 1024.0 / tags.size(), false);
                table.put(caseName, "server memory with the connections", "MB", target.name(), after / 1048576.0, false);
            }
            if (failure != null) {
                table.note(caseName + " on " + target.name() + ": stopped opening at " + failure);
            }
        } finally {
            open.forEach(ImapConnection::close);
        }
    }
}

package vn.govmail.bench;

/** The resource rows every scenario reports when the target names its processes and data directories. */
final class Resources {
    private Resources() {
    }

    static void report(ResultTable table, String caseName, String target, ServerMeter meter, ServerMeter.Usage usage, long messages) {
        if (meter.measuresProcesses()) {
            if (messages > 0) {
                table.put(caseName, "server CPU per 1,000 msg", "s", target, usage.cpuSeconds() * 1000 / messages, false);
            } else {
                table.put(caseName, "server CPU", "s", target, usage.cpuSeconds(), false);
            }
            table.put(caseName, "server peak memory (PSS)", "MB", target, usage.peakMemoryBytes() / 1048576.0, false);
        }
        if (meter.measuresDisk() && messages > 0) {
            table.put(caseName, "disk growth per msg", "KB", target, usage.diskGrowthBytes() / 1024.0 / messages, false);
        }
    }
}

package vn.govmail.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures by (case, metric) and target, printed as a Markdown table with the ratio of the first target to the
 * second (the baseline) measured in the same run.
 */
final class ResultTable {
    private record Row(String caseName, String metric, String unit, boolean higherIsBetter, Map<String, Double> values) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> targets;
    private final List<String> notes = new ArrayList<>();

    ResultTable(List<String> targets) {
        this.targets = targets;
    }

    synchronized void put(String caseName, String metric, String unit, String target, double value, boolean higherIsBetter) {
        rows.computeIfAbsent(caseName + "\u0000" + metric, k -> new Row(caseName, metric, unit, higherIsBetter, new LinkedHashMap<>()))
            .values().put(target, value);
    }

    synchronized Double get(String caseName, String metric, String target) {
        Row row = rows.get(caseName + "\u0000" + metric);
        return row == null ? null : row.values().get(target);
    }

    synchronized void note(String text) {
        notes.add(text);
    }

    synchronized void print(PrintStream out) {
        StringBuilder header = new StringBuilder("| case | metric | unit |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (String target : targets) {
            header.append(' ').append(target).append(" |");
            rule.append("---:|");
        }
        boolean ratio = targets.size() >= 2;
        if (ratio) {
            header.append(' ').append(targets.get(0)).append(" / ").append(targets.get(1)).append(" |");
            rule.append("---:|");
        }
        out.println(header);
        out.println(rule);
        for (Row row : rows.values()) {
            StringBuilder line = new StringBuilder("| " + row.caseName() + " | " + row.metric()
                + (row.higherIsBetter() ? " ↑" : " ↓") + " | " + row.unit() + " |");
            for (String target : targets) {
                line.append(' ').append(format(row.values().get(target))).append(" |");
            }
            if (ratio) {
                Double first = row.values().get(targets.get(0));
                Double second = row.values().get(targets.get(1));
                line.append(' ').append(first == null || second == null || second == 0 ? "—" : String.format(Locale.ROOT, "%.2f×", first / second)).append(" |");
            }
            out.println(line);
        }
        out.println();
        out.println("↑ higher is better, ↓ lower is better.");
        notes.forEach(note -> out.println("- " + note));
    }

    private static String format(Double value) {
        if (value == null || value.isNaN()) {
            return "—";
        }
        double magnitude = Math.abs(value);
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
    }
}

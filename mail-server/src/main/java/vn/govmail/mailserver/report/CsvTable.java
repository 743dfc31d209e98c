package vn.govmail.mailserver.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Report rows as RFC 4180 CSV (UTF-8, header line from the first row's keys, CRLF line ends). */
final class CsvTable {
    private CsvTable() {
    }

    static String render(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder csv = new StringBuilder();
        csv.append(rows.get(0).keySet().stream().map(CsvTable::cell).collect(Collectors.joining(","))).append("\r\n");
        for (Map<String, Object> row : rows) {
            csv.append(row.values().stream().map(value -> cell(value == null ? "" : value.toString())).collect(Collectors.joining(",")))
                .append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(String text) {
        // A cell starting with = + @ (or - before a non-number) is a formula to spreadsheets: make it text.
        String value = text.matches("[=+@].*|-[^0-9].*") ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}

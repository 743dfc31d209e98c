package vn.govmail.mailserver.account.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

/**
 * Reads an account import file: UTF-8 CSV with a header row naming the columns, in English or Vietnamese
 * (without diacritics): {@code email}, {@code display_name|ho_ten}, {@code unit|don_vi}, {@code title|chuc_vu},
 * optional {@code password|mat_khau}. Each bad line becomes a {@link RowError}; the others become rows.
 */
public final class AccountCsvReader {
    public record Result(List<AccountRow> rows, List<RowError> errors) {
    }

    private static final Map<String, String> COLUMN_NAMES = Map.of(
        "email", "email", "display_name", "display_name", "ho_ten", "display_name", "unit", "unit", "don_vi", "unit",
        "title", "title", "chuc_vu", "title", "password", "password", "mat_khau", "password");

    private AccountCsvReader() {
    }

    public static Result read(Reader csv) throws IOException {
        List<AccountRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
            .setTrim(true).setAllowMissingColumnNames(false).build();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            Map<String, String> columns = columnsByMeaning(parser.getHeaderNames());
            if (!columns.containsKey("email") || !columns.containsKey("display_name")) {
                errors.add(new RowError(1, "header", String.join(",", parser.getHeaderNames()),
                    "the header must name at least the columns email and display_name (or ho_ten)"));
                return new Result(rows, errors);
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                RowError problem = firstProblem(record, line, columns);
                if (problem == null) {
                    rows.add(toRow(record, line, columns));
                } else {
                    errors.add(problem);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            errors.add(new RowError(1, "file", "", "not a readable CSV file: " + e.getMessage()));
        }
        return new Result(rows, errors);
    }

    private static Map<String, String> columnsByMeaning(List<String> headers) {
        Map<String, String> columns = new java.util.HashMap<>();
        for (String header : headers) {
            String meaning = COLUMN_NAMES.get(header.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\uFEFF", ""));
            if (meaning != null) {
                columns.put(meaning, header);
            }
        }
        return columns;
    }

    private static AccountRow toRow(CSVRecord record, long line, Map<String, String> columns) {
        Username user = Username.of(value(record, columns, "email").toLowerCase(Locale.ROOT));
        Optional<String> password = Optional.ofNullable(columns.get("password")).map(record::get).filter(p -> !p.isEmpty());
        return new AccountRow(line, user, value(record, columns, "display_name"), value(record, columns, "unit"),
            value(record, columns, "title"), password);
    }

    /** The first thing wrong with the line, or null. */
    private static RowError firstProblem(CSVRecord record, long line, Map<String, String> columns) {
        if (!record.isConsistent()) {
            return new RowError(line, "line", String.join(",", record.toList()), "has " + record.size()
                + " fields where the header has " + record.getParser().getHeaderNames().size());
        }
        String email = value(record, columns, "email");
        if (email.isEmpty()) {
            return new RowError(line, "email", email, "is empty");
        }
        try {
            MailAddress address = new MailAddress(email);
            if (address.getLocalPart().isEmpty()) {
                return new RowError(line, "email", email, "has no local part");
            }
        } catch (Exception e) {
            return new RowError(line, "email", email, "is not a valid address");
        }
        if (value(record, columns, "display_name").isEmpty()) {
            return new RowError(line, "display_name", "", "is empty");
        }
        return null;
    }

    private static String value(CSVRecord record, Map<String, String> columns, String meaning) {
        String header = columns.get(meaning);
        if (header == null || !record.isSet(header)) {
            return "";
        }
        return record.get(header).trim();
    }
}

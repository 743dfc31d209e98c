package vn.govmail.mailserver.account.importer;

/** Why one line of an import file was refused: the line number, the field, the offending value and the reason. */
public record RowError(long line, String field, String value, String reason) {
}

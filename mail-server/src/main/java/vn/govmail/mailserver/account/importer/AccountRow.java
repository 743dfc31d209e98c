package vn.govmail.mailserver.account.importer;

import java.util.Optional;

import org.apache.james.core.Username;

/** One account line of an import file, already checked for syntax. */
public record AccountRow(long line, Username user, String displayName, String unit, String title, Optional<String> password) {
}

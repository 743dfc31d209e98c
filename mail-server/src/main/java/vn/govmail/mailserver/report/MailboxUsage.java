package vn.govmail.mailserver.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import vn.govmail.mailserver.organisation.OrganisationSchema;

/**
 * Storage used by every account at once, read from James's JPA quota counters ({@code JAMES_QUOTA_CURRENTQUOTA},
 * the same numbers IMAP GETQUOTAROOT shows) in one query instead of one quota lookup per account.
 */
public class MailboxUsage {
    /** James's quota root of a user's mailboxes: {@code #private&user@domain}. */
    private static final String USER_ROOT_PREFIX = "#private&";

    public record Usage(long bytes, long messages) {
        static final Usage NONE = new Usage(0, 0);
    }

    private final DataSource dataSource;

    @Inject
    public MailboxUsage(OrganisationSchema schema) {
        this.dataSource = schema.dataSource();
    }

    /** Username → usage; accounts that never received mail are absent. */
    public Map<String, Usage> byUser() throws SQLException {
        Map<String, Usage> usage = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                 "SELECT CURRENTQUOTA_QUOTAROOT, CURRENTQUOTA_SIZE, CURRENTQUOTA_MESSAGECOUNT FROM JAMES_QUOTA_CURRENTQUOTA")) {
            while (rows.next()) {
                String root = rows.getString(1);
                if (root.startsWith(USER_ROOT_PREFIX)) {
                    usage.put(root.substring(USER_ROOT_PREFIX.length()), new Usage(rows.getLong(2), rows.getLong(3)));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return usage; // James creates the table with the first message: nothing stored yet
            }
            throw e;
        }
        return usage;
    }
}

package vn.govmail.mailserver.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.inject.Singleton;

import vn.govmail.mailserver.database.GovmailDataSource;

/** Every admin action (who, what, when, from where, result), kept in PostgreSQL ({@code govmail_audit}). */
@Singleton
public class AdminAuditLog {
    public record Entry(Instant at, String actor, String client, String method, String path, int status) {
    }

    private final GovmailDataSource database;

    @Inject
    public AdminAuditLog(GovmailDataSource database) {
        this.database = database;
    }

    public void record(Entry entry) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                 "INSERT INTO govmail_audit(at, actor, client, method, path, status) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(entry.at()));
            insert.setString(2, entry.actor());
            insert.setString(3, entry.client());
            insert.setString(4, entry.method());
            insert.setString(5, entry.path());
            insert.setInt(6, entry.status());
            insert.executeUpdate();
        }
    }

    /** The newest entries first, at most {@code limit}, optionally only those whose path contains {@code pathPart}. */
    public List<Entry> recent(int limit, String pathPart) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT at, actor, client, method, path, status FROM govmail_audit WHERE path LIKE ? ORDER BY id DESC LIMIT ?")) {
            select.setString(1, "%" + (pathPart == null ? "" : pathPart.replace("%", "\\%").replace("_", "\\_")) + "%");
            select.setInt(2, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getInt(6)));
                }
            }
            return entries;
        }
    }
}

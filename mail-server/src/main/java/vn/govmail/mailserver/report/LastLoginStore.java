package vn.govmail.mailserver.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.sql.DataSource;

import vn.govmail.mailserver.organisation.OrganisationSchema;

/** When each account last logged in successfully (IMAP, ManageSieve), for the "active in the last 30 days" reports. */
@Singleton
public class LastLoginStore {
    private final DataSource dataSource;

    @Inject
    public LastLoginStore(OrganisationSchema schema) {
        this.dataSource = schema.dataSource();
    }

    public void record(String username, String protocol, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_last_login(username, protocol, at) VALUES (?, ?, ?)
                 ON CONFLICT (username) DO UPDATE SET protocol = EXCLUDED.protocol, at = EXCLUDED.at
                 """)) {
            upsert.setString(1, username);
            upsert.setString(2, protocol);
            upsert.setTimestamp(3, Timestamp.from(at));
            upsert.executeUpdate();
        }
    }

    public Map<String, Instant> all() throws SQLException {
        Map<String, Instant> logins = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT username, at FROM govmail_last_login")) {
            while (rows.next()) {
                logins.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
        }
        return logins;
    }
}

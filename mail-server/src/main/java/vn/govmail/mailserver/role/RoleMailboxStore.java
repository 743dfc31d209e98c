package vn.govmail.mailserver.role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.sql.DataSource;

import vn.govmail.mailserver.organisation.OrganisationSchema;

/**
 * Who may open a role mailbox (e.g. vanthu.sonoivu@laichau.gov.vn, an ordinary account) with their own password:
 * {@code govmail_role_member}. Read at every delegated login, so a removed member is locked out at once.
 */
@Singleton
public class RoleMailboxStore {
    private final DataSource dataSource;

    @Inject
    public RoleMailboxStore(OrganisationSchema schema) {
        this.dataSource = schema.dataSource();
    }

    public boolean isMember(String role, String member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT 1 FROM govmail_role_member WHERE role_address = ? AND member = ?")) {
            select.setString(1, role);
            select.setString(2, member);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    public void add(String role, String member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                 "INSERT INTO govmail_role_member(role_address, member) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, role);
            insert.setString(2, member);
            insert.executeUpdate();
        }
    }

    public boolean remove(String role, String member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                 "DELETE FROM govmail_role_member WHERE role_address = ? AND member = ?")) {
            delete.setString(1, role);
            delete.setString(2, member);
            return delete.executeUpdate() > 0;
        }
    }

    /** Role mailbox → its members, both sorted. */
    public Map<String, List<String>> all() throws SQLException {
        Map<String, List<String>> roles = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT role_address, member FROM govmail_role_member ORDER BY role_address, member")) {
            while (rows.next()) {
                roles.computeIfAbsent(rows.getString(1), role -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return roles;
    }
}

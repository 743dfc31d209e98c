package vn.govmail.mailserver.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.sql.DataSource;

import vn.govmail.mailserver.group.DistributionGroup.Kind;
import vn.govmail.mailserver.group.DistributionGroup.Member;
import vn.govmail.mailserver.group.DistributionGroup.SenderPolicy;
import vn.govmail.mailserver.organisation.OrganisationException;
import vn.govmail.mailserver.organisation.OrganisationSchema;

/** Distribution groups and their members in PostgreSQL ({@code govmail_group}, {@code govmail_group_member}). */
@Singleton
public class DistributionGroupStore {
    private final DataSource dataSource;

    @Inject
    public DistributionGroupStore(OrganisationSchema schema) {
        this.dataSource = schema.dataSource();
    }

    public Optional<DistributionGroup> find(String address) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT address, display_name, sender_policy FROM govmail_group WHERE address = ?")) {
            select.setString(1, address.toLowerCase(Locale.ROOT));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(group(row)) : Optional.empty();
            }
        }
    }

    public List<DistributionGroup> list() throws SQLException {
        List<DistributionGroup> groups = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT address, display_name, sender_policy FROM govmail_group ORDER BY address")) {
            while (rows.next()) {
                groups.add(group(rows));
            }
        }
        return groups;
    }

    /** Creates or updates; answers whether it was created. */
    public boolean save(DistributionGroup group) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_group(address, display_name, sender_policy) VALUES (?, ?, ?)
                 ON CONFLICT (address) DO UPDATE SET display_name = EXCLUDED.display_name, sender_policy = EXCLUDED.sender_policy
                 RETURNING (xmax = 0)
                 """)) {
            upsert.setString(1, group.address());
            upsert.setString(2, group.displayName());
            upsert.setString(3, group.senderPolicy().asText());
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Deletes a group that no other group contains. */
    public void delete(String address) throws SQLException, OrganisationException {
        List<String> containing = groupsContaining(Kind.GROUP, address);
        if (!containing.isEmpty()) {
            throw OrganisationException.conflict("Group " + address + " is a member of " + String.join(", ", containing) + ": remove it there first");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM govmail_group WHERE address = ?")) {
            delete.setString(1, address);
            delete.executeUpdate();
        }
    }

    public List<Member> members(String address) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT kind, member, include_subunits FROM govmail_group_member WHERE group_address = ? ORDER BY kind, member")) {
            select.setString(1, address);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    members.add(new Member(Kind.valueOf(rows.getString(1).toUpperCase(Locale.ROOT)), rows.getString(2), rows.getBoolean(3)));
                }
            }
        }
        return members;
    }

    /** Adds (or updates) a member; a group that would contain itself, directly or through nested groups, is refused. */
    public synchronized void addMember(String address, Member member) throws SQLException, OrganisationException {
        if (member.kind() == Kind.GROUP && (member.value().equals(address) || nestedGroups(member.value()).contains(address))) {
            throw OrganisationException.conflict("Adding group " + member.value() + " to " + address
                + " would make a cycle: " + member.value() + " already contains " + address + " (directly or through nested groups)");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_group_member(group_address, kind, member, include_subunits) VALUES (?, ?, ?, ?)
                 ON CONFLICT (group_address, kind, member) DO UPDATE SET include_subunits = EXCLUDED.include_subunits
                 """)) {
            upsert.setString(1, address);
            upsert.setString(2, member.kind().asText());
            upsert.setString(3, member.value());
            upsert.setBoolean(4, member.includeSubunits());
            upsert.executeUpdate();
        }
    }

    /** Answers whether there was such a member. */
    public boolean removeMember(String address, Kind kind, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                 "DELETE FROM govmail_group_member WHERE group_address = ? AND kind = ? AND member = ?")) {
            delete.setString(1, address);
            delete.setString(2, kind.asText());
            delete.setString(3, value);
            return delete.executeUpdate() > 0;
        }
    }

    /** All groups reachable from {@code address} through group members (not including itself unless in a cycle). */
    private List<String> nestedGroups(String address) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                 WITH RECURSIVE nested(address) AS (
                     SELECT member FROM govmail_group_member WHERE group_address = ? AND kind = 'group'
                     UNION
                     SELECT m.member FROM govmail_group_member m JOIN nested n ON m.group_address = n.address WHERE m.kind = 'group')
                 SELECT address FROM nested
                 """)) {
            select.setString(1, address);
            List<String> groups = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    groups.add(rows.getString(1));
                }
            }
            return groups;
        }
    }

    private List<String> groupsContaining(Kind kind, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT group_address FROM govmail_group_member WHERE kind = ? AND member = ? ORDER BY group_address")) {
            select.setString(1, kind.asText());
            select.setString(2, value);
            List<String> groups = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    groups.add(rows.getString(1));
                }
            }
            return groups;
        }
    }

    private static DistributionGroup group(ResultSet row) throws SQLException {
        return new DistributionGroup(row.getString(1), row.getString(2), SenderPolicy.valueOf(row.getString(3).toUpperCase(Locale.ROOT)));
    }
}

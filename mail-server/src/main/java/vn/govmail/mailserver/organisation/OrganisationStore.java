package vn.govmail.mailserver.organisation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisation tree (province → unit → sub-unit) and which unit each account belongs to, in PostgreSQL
 * ({@code govmail_unit}, {@code govmail_unit_member}). Units are independent of mail: renaming or moving one
 * changes no address and no mailbox.
 */
@Singleton
public class OrganisationStore {
    private static final Logger LOGGER = LoggerFactory.getLogger(OrganisationStore.class);
    private static final int MAX_NAME_LENGTH = 200;

    public record Membership(String username, long unitId) {
    }

    private final DataSource dataSource;

    @Inject
    public OrganisationStore(OrganisationSchema schema) throws SQLException {
        this.dataSource = schema.dataSource();
        attachProfilesWithoutUnit();
    }

    public UnitTree tree() throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, parent_id, name FROM govmail_unit")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                long parent = rows.getLong(2);
                units.add(new Unit(id, rows.wasNull() ? null : parent, rows.getString(3)));
            }
        }
        return new UnitTree(units);
    }

    /** Creates the units of {@code path} that are missing; answers the last one, and whether it was new. */
    public synchronized Map.Entry<Unit, Boolean> createPath(String path) throws SQLException, OrganisationException {
        List<String> names = validPath(path);
        try (Connection connection = dataSource.getConnection()) {
            Created created = createIn(connection, tree(), names);
            return Map.entry(created.unit(), created.isNew());
        }
    }

    /** The last unit of a path, whether it was new, and the tree with the units that were added. */
    private record Created(Unit unit, boolean isNew, UnitTree tree) {
    }

    private Created createIn(Connection connection, UnitTree tree, List<String> names) throws SQLException {
        Unit parent = null;
        boolean created = false;
        for (String name : names) {
            Long parentId = parent == null ? null : parent.id();
            Optional<Unit> existing = tree.child(parentId, VietnameseText.searchKey(name));
            created = existing.isEmpty();
            parent = created ? insert(connection, parentId, name) : existing.get();
            if (created) {
                tree = tree.withAdded(List.of(parent));
            }
        }
        return new Created(parent, created, tree);
    }

    private static Unit insert(Connection connection, Long parentId, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                 "INSERT INTO govmail_unit(parent_id, name, name_key) VALUES (?, ?, ?) RETURNING id")) {
            setParent(insert, 1, parentId);
            insert.setString(2, name);
            insert.setString(3, VietnameseText.searchKey(name));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Unit(row.getLong(1), parentId, name);
            }
        }
    }

    public void rename(long id, String newName) throws SQLException, OrganisationException {
        String name = validName(newName);
        UnitTree tree = tree();
        Unit unit = existing(tree, id);
        requireFreeName(tree, unit.parentId(), name, id);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE govmail_unit SET name = ?, name_key = ? WHERE id = ?")) {
            update.setString(1, name);
            update.setString(2, VietnameseText.searchKey(name));
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** Moves a unit (with its sub-units and people) under {@code newParentId}, or to the top with null. */
    public synchronized void move(long id, Long newParentId) throws SQLException, OrganisationException {
        UnitTree tree = tree();
        Unit unit = existing(tree, id);
        if (newParentId != null) {
            Unit parent = existing(tree, newParentId);
            if (tree.subtree(id).contains(newParentId)) {
                throw OrganisationException.conflict("Cannot move '" + tree.path(unit) + "' under '" + tree.path(parent)
                    + "': that is the unit itself or one of its sub-units");
            }
        }
        requireFreeName(tree, newParentId, unit.name(), id);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE govmail_unit SET parent_id = ? WHERE id = ?")) {
            setParent(update, 1, newParentId);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Deletes an empty unit: one with sub-units, people or group memberships is refused. */
    public void delete(long id) throws SQLException, OrganisationException {
        UnitTree tree = tree();
        Unit unit = existing(tree, id);
        if (!tree.children(id).isEmpty()) {
            throw OrganisationException.conflict("Unit '" + tree.path(unit) + "' has sub-units: move or delete them first");
        }
        int people = members(List.of(id)).size();
        if (people > 0) {
            throw OrganisationException.conflict("Unit '" + tree.path(unit) + "' still has " + people + " account(s): move them first");
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement groups = connection.prepareStatement(
                "SELECT group_address FROM govmail_group_member WHERE kind = 'unit' AND member = ?")) {
                groups.setString(1, Long.toString(id));
                try (ResultSet rows = groups.executeQuery()) {
                    if (rows.next()) {
                        throw OrganisationException.conflict("Unit '" + tree.path(unit) + "' is a member of the group " + rows.getString(1)
                            + ": remove it from the group first");
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM govmail_unit WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }

    public void assign(String username, long unitId) throws SQLException, OrganisationException {
        existing(tree(), unitId);
        try (Connection connection = dataSource.getConnection()) {
            assignAll(connection, Map.of(username, unitId));
        }
    }

    private static void assignAll(Connection connection, Map<String, Long> unitsByUser) throws SQLException {
        if (unitsByUser.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                 INSERT INTO govmail_unit_member(username, unit_id) VALUES (?, ?)
                 ON CONFLICT (username) DO UPDATE SET unit_id = EXCLUDED.unit_id
                 """)) {
            for (Map.Entry<String, Long> entry : unitsByUser.entrySet()) {
                upsert.setString(1, entry.getKey());
                upsert.setLong(2, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    public void unassign(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM govmail_unit_member WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
    }

    public Optional<Long> unitOf(String username) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT unit_id FROM govmail_unit_member WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Everyone in the given units (not their sub-units: pass {@link UnitTree#subtree} for that). */
    public List<Membership> members(Collection<Long> unitIds) throws SQLException {
        List<Membership> members = new ArrayList<>();
        if (unitIds.isEmpty()) {
            return members;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT username, unit_id FROM govmail_unit_member WHERE unit_id = ANY (?) ORDER BY username")) {
            select.setArray(1, connection.createArrayOf("bigint", unitIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    members.add(new Membership(rows.getString(1), rows.getLong(2)));
                }
            }
        }
        return members;
    }

    /** Every account's unit. */
    public Map<String, Long> allMemberships() throws SQLException {
        Map<String, Long> memberships = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT username, unit_id FROM govmail_unit_member")) {
            while (rows.next()) {
                memberships.put(rows.getString(1), rows.getLong(2));
            }
        }
        return memberships;
    }

    /**
     * Puts accounts into the units named by their paths (the CSV import's unit column, or the free-text unit
     * of older profiles), creating missing units. Blank paths are skipped.
     */
    public synchronized void attachByPath(Map<String, String> pathsByUser) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // new units and memberships of a whole import batch in one commit
            assignAll(connection, resolvePaths(connection, pathsByUser));
            connection.commit();
        }
    }

    private Map<String, Long> resolvePaths(Connection connection, Map<String, String> pathsByUser) throws SQLException {
        UnitTree tree = tree();
        Map<String, Long> resolved = new HashMap<>();
        Map<String, Long> unitsByUser = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : pathsByUser.entrySet()) {
            String path = entry.getValue();
            if (path == null || UnitTree.splitPath(path).isEmpty()) {
                continue;
            }
            String key = VietnameseText.searchKey(String.join(UnitTree.SEPARATOR, UnitTree.splitPath(path)));
            Long unitId = resolved.get(key);
            if (unitId == null) {
                try {
                    Created created = createIn(connection, tree, validPath(path));
                    tree = created.tree();
                    unitId = created.unit().id();
                } catch (OrganisationException e) {
                    LOGGER.warn("Account {} keeps no unit: {}", entry.getKey(), e.getMessage());
                    continue;
                }
                resolved.put(key, unitId);
            }
            unitsByUser.put(entry.getKey(), unitId);
        }
        return unitsByUser;
    }

    /** Migration of the free-text unit of profiles written before the tree existed (runs at every start, cheap when done). */
    private void attachProfilesWithoutUnit() throws SQLException {
        Map<String, String> paths = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                 SELECT p.username, p.unit FROM govmail_account_profile p
                 LEFT JOIN govmail_unit_member m ON m.username = p.username
                 WHERE m.username IS NULL AND p.unit IS NOT NULL AND p.unit <> ''
                 """)) {
            while (rows.next()) {
                paths.put(rows.getString(1), rows.getString(2));
            }
        }
        if (!paths.isEmpty()) {
            LOGGER.info("Placing {} account(s) in the organisation tree from their profile's unit", paths.size());
            attachByPath(paths);
        }
    }

    private static Unit existing(UnitTree tree, long id) throws OrganisationException {
        return tree.get(id).orElseThrow(() -> OrganisationException.notFound("Unit " + id + " does not exist"));
    }

    private static void requireFreeName(UnitTree tree, Long parentId, String name, long self) throws OrganisationException {
        String key = VietnameseText.searchKey(name);
        Optional<Unit> clash = tree.children(parentId).stream()
            .filter(unit -> unit.id() != self && VietnameseText.searchKey(unit.name()).equals(key)).findFirst();
        if (clash.isPresent()) {
            throw OrganisationException.conflict("A unit named '" + tree.path(clash.get()) + "' already exists there");
        }
    }

    static List<String> validPath(String path) throws OrganisationException {
        if (path == null || UnitTree.splitPath(path).isEmpty()) {
            throw OrganisationException.invalid("path: give the unit's path, e.g. \"Sở Nội vụ/Phòng Tổ chức\"");
        }
        List<String> names = UnitTree.splitPath(path);
        for (String name : names) {
            validName(name);
        }
        return names;
    }

    static String validName(String text) throws OrganisationException {
        String name = text == null ? "" : VietnameseText.normalise(text);
        if (name.isEmpty()) {
            throw OrganisationException.invalid("name: a unit needs a name");
        }
        if (name.contains(UnitTree.SEPARATOR)) {
            throw OrganisationException.invalid("name: '" + name + "' contains '/', which separates units in a path");
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw OrganisationException.invalid("name: '" + name + "' is longer than " + MAX_NAME_LENGTH + " characters or has control characters");
        }
        return name;
    }

    private static void setParent(PreparedStatement statement, int index, Long parentId) throws SQLException {
        if (parentId == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, parentId);
        }
    }
}

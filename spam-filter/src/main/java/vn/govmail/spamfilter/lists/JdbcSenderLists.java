package vn.govmail.spamfilter.lists;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/** Allow/block lists in PostgreSQL table {@code spam_sender_list}. */
public final class JdbcSenderLists extends SenderLists {
    private final DataSource dataSource;

    public JdbcSenderLists(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS spam_sender_list (owner varchar(320) NOT NULL,"
                    + " pattern varchar(320) NOT NULL, allow boolean NOT NULL, PRIMARY KEY (owner, pattern))");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create spam_sender_list", e);
        }
    }

    @Override
    protected List<ListEntry> entriesFor(List<String> owners) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT owner, pattern, allow FROM spam_sender_list WHERE owner = ANY (?)")) {
            Array array = connection.createArrayOf("varchar", owners.toArray());
            query.setArray(1, array);
            return read(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void add(ListEntry entry) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO spam_sender_list (owner, pattern, allow)"
                     + " VALUES (?, ?, ?) ON CONFLICT (owner, pattern) DO UPDATE SET allow = EXCLUDED.allow")) {
            upsert.setString(1, entry.owner().toLowerCase(Locale.ROOT));
            upsert.setString(2, entry.pattern().toLowerCase(Locale.ROOT));
            upsert.setBoolean(3, entry.allow());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean remove(String owner, String pattern) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM spam_sender_list WHERE owner = ? AND pattern = ?")) {
            delete.setString(1, owner.toLowerCase(Locale.ROOT));
            delete.setString(2, pattern.toLowerCase(Locale.ROOT));
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<ListEntry> list(String owner) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT owner, pattern, allow FROM spam_sender_list WHERE owner = ? ORDER BY pattern")) {
            query.setString(1, owner.toLowerCase(Locale.ROOT));
            return read(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ListEntry> read(PreparedStatement query) throws SQLException {
        List<ListEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                entries.add(new ListEntry(rows.getString(1), rows.getString(2), rows.getBoolean(3)));
            }
        }
        return entries;
    }
}

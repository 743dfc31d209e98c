package vn.govmail.mailserver.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code govmail_*} table holding one value per key (an account or a domain, stored lower case), mirrored in
 * memory: it is read on every login, RCPT or delivery, and this process is its only writer, so reads cost no query.
 * The whole table is loaded at start (one row per account at most: a few hundred KB for a province). Writes go to
 * PostgreSQL first, then to memory, so a failed write changes nothing.
 */
public final class CachedKeyTable<V> {
    /** Reads a value from a result column. */
    @FunctionalInterface
    public interface Reader<V> {
        V read(ResultSet row, int index) throws SQLException;
    }

    /** Binds a value to a statement parameter. */
    @FunctionalInterface
    public interface Binder<V> {
        void bind(PreparedStatement statement, int index, V value) throws SQLException;
    }

    /** How a value is read from and written to its column. */
    public record Column<V>(Reader<V> reader, Binder<V> binder) {
    }

    public static final Column<Long> BIGINT = new Column<>(ResultSet::getLong, PreparedStatement::setLong);
    public static final Column<Integer> INTEGER = new Column<>(ResultSet::getInt, PreparedStatement::setInt);
    public static final Column<Instant> TIMESTAMP = new Column<>(
        (row, index) -> row.getObject(index, OffsetDateTime.class).toInstant(),
        (statement, index, value) -> statement.setObject(index, value.atOffset(ZoneOffset.UTC)));

    private final GovmailDataSource database;
    private final Column<V> column;
    private final String upsert;
    private final String delete;
    private final Map<String, V> values = new ConcurrentHashMap<>();

    /**
     * @param createTable the table's {@code CREATE TABLE IF NOT EXISTS} statement
     * @param table its name; {@code keyColumn} is its primary key, {@code valueColumn} the value
     * @param touchedColumn a timestamp column set to {@code now()} at each write, or {@code null}
     */
    public CachedKeyTable(GovmailDataSource database, String createTable, String table, String keyColumn, String valueColumn,
                          Column<V> column, String touchedColumn) throws SQLException {
        this.database = database;
        this.column = column;
        boolean touched = touchedColumn != null;
        this.upsert = "INSERT INTO " + table + "(" + keyColumn + ", " + valueColumn + (touched ? ", " + touchedColumn : "") + ") VALUES (?, ?"
            + (touched ? ", now()" : "") + ") ON CONFLICT (" + keyColumn + ") DO UPDATE SET " + valueColumn + " = EXCLUDED." + valueColumn
            + (touched ? ", " + touchedColumn + " = now()" : "");
        this.delete = "DELETE FROM " + table + " WHERE " + keyColumn + " = ?";
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(createTable);
            try (ResultSet rows = statement.executeQuery("SELECT " + keyColumn + ", " + valueColumn + " FROM " + table)) {
                while (rows.next()) {
                    values.put(rows.getString(1), column.reader().read(rows, 2));
                }
            }
        }
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(values.get(normalise(key)));
    }

    /** A snapshot of every key and its value. */
    public Map<String, V> all() {
        return Map.copyOf(values);
    }

    public void put(String key, V value) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, normalise(key));
            column.binder().bind(statement, 2, value);
            statement.executeUpdate();
        }
        values.put(normalise(key), value);
    }

    public void remove(String key) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setString(1, normalise(key));
            statement.executeUpdate();
        }
        values.remove(normalise(key));
    }

    private static String normalise(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}

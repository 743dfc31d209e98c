package vn.govmail.mailserver.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * James's JPA persistence unit on the real PostgreSQL (127.0.0.1:5432, or GOVMAIL_TEST_PG_URL / _USER) in a
 * schema of its own, dropped at {@link #close()}: tests of our JPA-level code see exactly the tables OpenJPA builds.
 */
public final class JpaTestSchema implements AutoCloseable {
    private static final String URL = System.getenv().getOrDefault("GOVMAIL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("GOVMAIL_TEST_PG_USER", "postgres");

    private final String name;
    private final PGSimpleDataSource database = new PGSimpleDataSource();
    private final EntityManagerFactory factory;

    private JpaTestSchema(String prefix, Map<String, String> extraProperties) throws SQLException {
        name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        database.setUrl(URL);
        database.setUser(USER);
        execute("CREATE SCHEMA " + name);
        Map<String, String> properties = new HashMap<>(extraProperties);
        properties.put("openjpa.ConnectionDriverName", "org.postgresql.Driver");
        properties.put("openjpa.ConnectionURL", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name);
        properties.put("openjpa.ConnectionUserName", USER);
        properties.put("openjpa.Multithreaded", "true");
        // only this schema: else OpenJPA's schema check also sees another run's James tables in the same database
        // and "adds" columns to tables it believes exist here
        properties.put("openjpa.jdbc.Schema", name);
        factory = Persistence.createEntityManagerFactory("Global", properties);
    }

    public static JpaTestSchema create(String prefix) throws SQLException {
        return create(prefix, Map.of());
    }

    public static JpaTestSchema create(String prefix, Map<String, String> extraOpenJpaProperties) throws SQLException {
        return new JpaTestSchema(prefix, extraOpenJpaProperties);
    }

    public String name() {
        return name;
    }

    public EntityManagerFactory factory() {
        return factory;
    }

    public void execute(String statement) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /** The first column of every row the query returns. */
    public List<String> strings(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        execute("DROP SCHEMA " + name + " CASCADE");
    }
}

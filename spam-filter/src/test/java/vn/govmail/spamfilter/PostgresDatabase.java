package vn.govmail.spamfilter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** A throwaway database on the machine's PostgreSQL (127.0.0.1:5432, trust auth), dropped on close. */
final class PostgresDatabase implements AutoCloseable {
    private static final String SERVER = System.getProperty("govmail.test.pg", "jdbc:postgresql://127.0.0.1:5432/");
    private final String name = "spamfilter_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    PostgresDatabase() throws SQLException {
        admin("CREATE DATABASE " + name);
    }

    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(SERVER + name);
        dataSource.setUser("postgres");
        return dataSource;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}

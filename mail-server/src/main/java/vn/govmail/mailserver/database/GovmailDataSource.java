package vn.govmail.mailserver.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;

/**
 * A small JDBC pool for govmail's own tables (DKIM keys, and later audit, organisation, documents), beside
 * James's JPA stores in the same PostgreSQL database. Tables are created if missing at start.
 */
public class GovmailDataSource {
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS govmail_dkim_key (
            domain VARCHAR(253) PRIMARY KEY,
            selector VARCHAR(63) NOT NULL,
            private_key_pkcs8 TEXT NOT NULL,
            public_key_spki TEXT NOT NULL,
            created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
        """,
        """
        CREATE TABLE IF NOT EXISTS govmail_account_status (
            username VARCHAR(320) PRIMARY KEY,
            disabled BOOLEAN NOT NULL,
            reason TEXT,
            changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
        """,
        """
        CREATE TABLE IF NOT EXISTS govmail_audit (
            id BIGSERIAL PRIMARY KEY,
            at TIMESTAMP WITH TIME ZONE NOT NULL,
            actor VARCHAR(320) NOT NULL,
            client VARCHAR(64) NOT NULL,
            method VARCHAR(10) NOT NULL,
            path TEXT NOT NULL,
            status INTEGER NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS govmail_account_profile (
            username VARCHAR(320) PRIMARY KEY,
            display_name TEXT NOT NULL,
            unit TEXT,
            title TEXT)
        """
    };

    private final BasicDataSource pool;

    @Inject
    public GovmailDataSource(DatabaseConnection connection) throws SQLException {
        pool = new BasicDataSource();
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setUrl(connection.jdbcUrl());
        pool.setUsername(connection.user());
        pool.setPassword(connection.password());
        pool.setMaxTotal(8);
        pool.setTestOnBorrow(true);
        pool.setValidationQuery("SELECT 1");
        createSchema();
    }

    private void createSchema() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    @PreDestroy
    public void close() throws SQLException {
        pool.close();
    }
}

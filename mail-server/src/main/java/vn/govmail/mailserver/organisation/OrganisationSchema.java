package vn.govmail.mailserver.organisation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.sql.DataSource;

import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * Tables of the organisation tree, distribution groups, role mailboxes and last logins, created if missing at
 * start (beside the other govmail_* tables, in the same PostgreSQL database).
 */
@Singleton
public class OrganisationSchema {
    private static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS govmail_unit (
            id BIGSERIAL PRIMARY KEY,
            parent_id BIGINT REFERENCES govmail_unit(id),
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS govmail_unit_sibling_name ON govmail_unit (COALESCE(parent_id, 0), name_key)",
        """
        CREATE TABLE IF NOT EXISTS govmail_unit_member (
            username VARCHAR(320) PRIMARY KEY,
            unit_id BIGINT NOT NULL REFERENCES govmail_unit(id))
        """,
        "CREATE INDEX IF NOT EXISTS govmail_unit_member_unit ON govmail_unit_member (unit_id)",
        """
        CREATE TABLE IF NOT EXISTS govmail_group (
            address VARCHAR(320) PRIMARY KEY,
            display_name TEXT,
            sender_policy VARCHAR(16) NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS govmail_group_member (
            group_address VARCHAR(320) NOT NULL REFERENCES govmail_group(address) ON DELETE CASCADE,
            kind VARCHAR(8) NOT NULL,
            member VARCHAR(320) NOT NULL,
            include_subunits BOOLEAN NOT NULL DEFAULT FALSE,
            PRIMARY KEY (group_address, kind, member))
        """,
        """
        CREATE TABLE IF NOT EXISTS govmail_role_member (
            role_address VARCHAR(320) NOT NULL,
            member VARCHAR(320) NOT NULL,
            PRIMARY KEY (role_address, member))
        """,
        """
        CREATE TABLE IF NOT EXISTS govmail_last_login (
            username VARCHAR(320) PRIMARY KEY,
            protocol VARCHAR(16) NOT NULL,
            at TIMESTAMP WITH TIME ZONE NOT NULL)
        """
    };

    private final DataSource dataSource;

    @Inject
    public OrganisationSchema(GovmailDataSource database) throws SQLException {
        this.dataSource = database.dataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }
}

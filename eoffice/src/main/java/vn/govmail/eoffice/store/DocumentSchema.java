package vn.govmail.eoffice.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** The eOffice tables in the platform's PostgreSQL database; created if missing. */
final class DocumentSchema {
    private static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS eoffice_unit (
            unit_id VARCHAR(64) PRIMARY KEY,
            name TEXT NOT NULL,
            document_address VARCHAR(320) NOT NULL UNIQUE,
            clerk_mailbox VARCHAR(320) NOT NULL,
            organ_id VARCHAR(13))
        """,
        """
        CREATE TABLE IF NOT EXISTS eoffice_document (
            id BIGSERIAL PRIMARY KEY,
            unit_id VARCHAR(64) NOT NULL REFERENCES eoffice_unit(unit_id),
            state VARCHAR(20) NOT NULL,
            source VARCHAR(10) NOT NULL,
            document_id TEXT,
            sender_organ_id VARCHAR(13),
            code_number VARCHAR(11),
            code_notation VARCHAR(60),
            promulgation_date DATE,
            place TEXT,
            organ_name TEXT,
            type_name VARCHAR(100),
            subject TEXT,
            priority VARCHAR(20),
            secrecy VARCHAR(20),
            signer_full_name TEXT,
            signer_position TEXT,
            to_places TEXT,
            due_date DATE,
            confidence TEXT NOT NULL,
            sender_address VARCHAR(320),
            sender_name TEXT,
            mail_message_id TEXT,
            mail_subject TEXT,
            mail_date TIMESTAMP WITH TIME ZONE,
            received_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            secret BOOLEAN NOT NULL DEFAULT false,
            document_text TEXT,
            duplicate_of BIGINT,
            duplicate_reason TEXT,
            arrival_year INTEGER,
            arrival_number INTEGER,
            arrival_date DATE,
            return_reason TEXT,
            leader TEXT,
            direction TEXT,
            lead_assignee TEXT,
            support_assignees TEXT,
            deadline DATE,
            progress TEXT,
            reminded_on DATE,
            trace_headers TEXT,
            business_doc_type INTEGER,
            response_for_document_id TEXT,
            UNIQUE (unit_id, arrival_year, arrival_number))
        """,
        "CREATE INDEX IF NOT EXISTS eoffice_document_docid ON eoffice_document (unit_id, document_id)",
        "CREATE INDEX IF NOT EXISTS eoffice_document_code ON eoffice_document (unit_id, code_number, code_notation)",
        """
        CREATE TABLE IF NOT EXISTS eoffice_attachment (
            id BIGSERIAL PRIMARY KEY,
            document BIGINT NOT NULL REFERENCES eoffice_document(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            size BIGINT NOT NULL,
            sha256 VARCHAR(64) NOT NULL,
            content BYTEA NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS eoffice_history (
            id BIGSERIAL PRIMARY KEY,
            document BIGINT NOT NULL REFERENCES eoffice_document(id) ON DELETE CASCADE,
            at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            actor VARCHAR(320) NOT NULL,
            action VARCHAR(40) NOT NULL,
            from_state VARCHAR(20),
            to_state VARCHAR(20),
            note TEXT)
        """,
        """
        CREATE TABLE IF NOT EXISTS eoffice_arrival_counter (
            unit_id VARCHAR(64) NOT NULL,
            year INTEGER NOT NULL,
            last_number INTEGER NOT NULL,
            PRIMARY KEY (unit_id, year))
        """
    };

    private DocumentSchema() {
    }

    static void create(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
        }
    }
}

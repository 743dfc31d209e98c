package vn.govmail.mailserver.database;

import javax.persistence.EntityManagerFactory;

/**
 * Widens two columns of James's JPA mail repository table ({@code JAMES_MAIL_STORE}, behind the error and
 * quarantine repositories) that are too narrow for real mail. James 3.8.1 declares {@code ERROR_MESSAGE} as
 * {@code varchar(200)}, so a mail whose processing error has a longer message could not be stored in the error
 * repository and was lost; {@code REMOTE_ADDR} is {@code varchar(20)}, too short for many IPv6 client addresses.
 * OpenJPA builds the table when the persistence unit first opens and never alters an existing column, so this runs
 * after that, at every start (both changes are binary-compatible in PostgreSQL: no table rewrite).
 */
public final class MailStoreColumns {
    private static final String[] DDL = {
        "ALTER TABLE IF EXISTS james_mail_store ALTER COLUMN error_message TYPE text",
        "ALTER TABLE IF EXISTS james_mail_store ALTER COLUMN remote_addr TYPE varchar(64)",
    };

    private MailStoreColumns() {
    }

    public static void widen(EntityManagerFactory factory) {
        SchemaStatements.run(factory, DDL);
    }
}

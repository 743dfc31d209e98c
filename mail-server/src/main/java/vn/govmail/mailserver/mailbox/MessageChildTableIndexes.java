package vn.govmail.mailserver.mailbox;

import javax.persistence.EntityManagerFactory;

import vn.govmail.mailserver.database.SchemaStatements;

/**
 * Indexes James's JPA schema lacks: a message's properties ({@code JAMES_MAIL_PROPERTY}) and user flags
 * ({@code JAMES_MAIL_USERFLAG}) are read by (mailbox, UID) with every message OpenJPA loads, but OpenJPA creates
 * these tables with their generated id as the only index, so each read scanned the rows of every message of
 * every user (profiled: 22 ms for one message's properties at 12,000 rows, growing with the whole server's mail).
 * Created once, if missing, after OpenJPA has built the tables.
 */
final class MessageChildTableIndexes {
    private static final String[] DDL = {
        "CREATE INDEX IF NOT EXISTS govmail_mail_property_message ON james_mail_property (mailbox_id, mail_uid)",
        "CREATE INDEX IF NOT EXISTS govmail_mail_userflag_message ON james_mail_userflag (mailbox_id, mail_uid)",
    };

    private MessageChildTableIndexes() {
    }

    static void ensure(EntityManagerFactory factory) {
        SchemaStatements.run(factory, DDL);
    }
}

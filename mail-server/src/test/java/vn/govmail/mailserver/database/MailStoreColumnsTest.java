package vn.govmail.mailserver.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.MailAddress;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.jpa.JPAMailRepository;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real PostgreSQL: a mail with a long error message from an IPv6 client is kept by the JPA mail repository. */
class MailStoreColumnsTest {
    private JpaTestSchema schema;
    private EntityManagerFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        schema = JpaTestSchema.create("mail_store");
        factory = schema.factory();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void theErrorRepositoryKeepsAMailWithALongErrorFromAnIpv6Client() throws Exception {
        MailStoreColumns.widen(factory);
        assertThat(columnType("error_message")).isEqualTo("text");
        MailStoreColumns.widen(factory);     // every start runs it again: harmless
        assertThat(columnType("remote_addr")).isEqualTo("character varying(64)");

        JPAMailRepository repository = new JPAMailRepository(factory, MailRepositoryUrl.from("jpa://var/mail/error/"));
        repository.init();
        String error = "Mailet processing failed: " + "x".repeat(2_000);
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setSubject("lỗi", "UTF-8");
        message.setText("nội dung", "UTF-8");
        message.saveChanges();
        Mail mail = MailImpl.builder()
            .name("long-error-" + UUID.randomUUID())
            .sender("a@demo.gov.vn")
            .addRecipient(new MailAddress("b@demo.gov.vn"))
            .remoteAddr("2001:db8:85a3:1234:5678:8a2e:370:7334")
            .remoteHost("client.example")
            .errorMessage(error)
            .mimeMessage(message)
            .build();

        MailKey key = repository.store(mail);

        Mail kept = repository.retrieve(key);
        assertThat(kept).isNotNull();
        assertThat(kept.getErrorMessage()).isEqualTo(error);
        assertThat(kept.getRemoteAddr()).isEqualTo("2001:db8:85a3:1234:5678:8a2e:370:7334");
    }

    private String columnType(String column) throws Exception {
        return schema.strings("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = '" + schema.name() + "' AND c.relname = 'james_mail_store' AND a.attname = '" + column + "'")
            .stream().findFirst().orElse(null);
    }
}

package vn.govmail.webmail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.govmail.webmail.config.WebmailSettings;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.MailConnector;
import vn.govmail.webmail.mail.SieveService;

/**
 * The Settings dialog's back end against the real mail server: {@link SieveService} saves a vacation reply over
 * ManageSieve (STARTTLS, PLAIN), reads it back, and the server then answers mail to the user with it.
 */
class SieveServiceIT {
    private static final String ALICE = MailServerLauncher.demoUser("nguyenvana");
    private static final String BOB = MailServerLauncher.demoUser("tranthib");
    private static MailServerLauncher server;
    private static MailConnector connector;

    @BeforeAll
    static void start() throws Exception {
        server = MailServerLauncher.start();
        Map<String, String> env = new HashMap<>();
        env.put("GOVMAIL_IMAP_PORT", Integer.toString(server.imapPort));
        env.put("GOVMAIL_SUBMISSION_PORT", Integer.toString(server.submissionPort));
        env.put("GOVMAIL_MANAGESIEVE_PORT", Integer.toString(server.manageSievePort));
        env.put("GOVMAIL_WEBMAIL_TRUST_CERT", server.certificate().toString());
        connector = new MailConnector(WebmailSettings.fromEnvironment(env));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void savedVacationIsActiveOnTheServerAndAnswersTheSender() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String subject = "Nghỉ phép " + token;
        try (MailAccount alice = connector.login(ALICE, MailServerLauncher.PASSWORD.toCharArray())) {
            SieveService sieve = new SieveService(alice);
            sieve.save(new SieveService.Vacation(true, subject, "Tôi nghỉ phép đến thứ Hai."),
                List.of(new SieveService.Filter(SieveService.Field.SUBJECT, "quảng cáo", "Junk")));
            assertThat(sieve.load()).contains(subject).contains("fileinto \"Junk\"");
        }

        try (MailAccount bob = connector.login(BOB, MailServerLauncher.PASSWORD.toCharArray())) {
            MimeMessage message = new MimeMessage(bob.session());
            message.setFrom(BOB);
            message.setRecipients(Message.RecipientType.TO, ALICE);
            message.setSubject("Lịch họp " + token, "UTF-8");
            message.setText("Chị xem lịch họp giúp em.", "UTF-8");
            try (Transport transport = bob.transport()) {
                transport.sendMessage(message, message.getAllRecipients());
            }
            assertThat(awaitSubject(bob, subject)).as("vacation reply in Bob's INBOX").isTrue();
        }
    }

    private static boolean awaitSubject(MailAccount account, String subject) throws Exception {
        for (int i = 0; i < 150; i++) {
            Folder inbox = account.folder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message m : inbox.getMessages()) {
                    if (subject.equals(m.getSubject())) {
                        return true;
                    }
                }
            } finally {
                inbox.close(false);
            }
            Thread.sleep(200);
        }
        return false;
    }
}

package vn.govmail.mailserver.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** Jakarta Mail sessions against a {@link MailServerProcess}; the self-signed test certificate is trusted. */
public final class MailClients {
    private MailClients() {
    }

    /** Submission on 587-style port: STARTTLS required, then AUTH. */
    public static Session submission(MailServerProcess server) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(server.submissionPort));
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.trust", "*");
        properties.put("mail.smtp.timeout", "60000");
        return Session.getInstance(properties);
    }

    /** The MX port, as another mail server would connect: no authentication. */
    public static Session mx(MailServerProcess server) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(server.smtpPort));
        properties.put("mail.smtp.timeout", "60000");
        return Session.getInstance(properties);
    }

    public static Session imaps() {
        Properties properties = new Properties();
        properties.put("mail.imaps.ssl.trust", "*");
        properties.put("mail.imaps.timeout", "60000");
        return Session.getInstance(properties);
    }

    public static void submit(MailServerProcess server, String user, MimeMessage message) throws MessagingException {
        Transport.send(message, message.getAllRecipients(), user, MailServerProcess.PASSWORD);
    }

    public static Store openImaps(MailServerProcess server, String user) throws MessagingException {
        Store store = imaps().getStore("imaps");
        store.connect("127.0.0.1", server.imapsPort, user, MailServerProcess.PASSWORD);
        return store;
    }

    /** Waits until the folder holds at least {@code count} messages (delivery is asynchronous after 250). */
    public static Message[] awaitMessages(Store store, String folderName, int count, Duration timeout) throws MessagingException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            Message[] messages = folder.getMessages();
            if (messages.length >= count || Instant.now().isAfter(deadline)) {
                return messages;
            }
            folder.close(false);
            Thread.sleep(200);
        }
    }
}

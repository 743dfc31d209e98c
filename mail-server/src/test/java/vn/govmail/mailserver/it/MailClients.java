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

    /**
     * Submits a plain-text UTF-8 message on the submission port, marked with an {@code X-Govmail-Token}
     * header so a test can find it again wherever it lands.
     */
    public static void submitText(MailServerProcess server, String from, String to, String subject, String token, String text)
            throws MessagingException {
        MimeMessage message = new MimeMessage(submission(server));
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setHeader("X-Govmail-Token", token);
        message.setText(text, "UTF-8");
        submit(server, from, message);
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

package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Submit on 587 (STARTTLS + AUTH), receive on 25, read over IMAPS, with Jakarta Mail on both ends. */
class EndToEndDeliveryIT {
    private static MailServerProcess server;
    private static final String SENDER = MailServerProcess.demoUser("tranthib");
    private static final String RECIPIENT = MailServerProcess.demoUser("nguyenvana");

    @BeforeAll
    static void startServer() throws Exception {
        server = MailServerProcess.startEmbedded("e2e");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void submittedMailArrivesWithHeadersBodyAndAttachmentIntact() throws Exception {
        byte[] attachment = new byte[300_000];
        new Random(42).nextBytes(attachment);
        String subject = "Công văn số 12/SNV-CCHC về việc triển khai thư điện tử " + UUID.randomUUID();
        String body = "Kính gửi các đồng chí,\nĐề nghị triển khai hệ thống thư điện tử công vụ đến cấp xã.\n";

        Session session = MailClients.submission(server);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(SENDER, "Trần Thị B", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, RECIPIENT);
        message.setSubject(subject, "UTF-8");
        message.setHeader("X-Govmail-Test", "e2e");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
        file.setFileName("Quyết định 374.bin");
        message.setContent(new MimeMultipart(text, file));
        MailClients.submit(server, SENDER, message);

        try (Store store = MailClients.openImaps(server, RECIPIENT)) {
            // Parse the stored bytes here (not the server's BODYSTRUCTURE, see docs/operations.md "Known limits").
            MimeMessage received = new MimeMessage((MimeMessage) findBySubject(store, "INBOX", subject));
            assertThat(received.getSubject()).isEqualTo(subject);
            assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Trần Thị B");
            assertThat(received.getHeader("X-Govmail-Test")).containsExactly("e2e");
            Multipart parts = (Multipart) received.getContent();
            assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(body);
            Part receivedFile = parts.getBodyPart(1);
            assertThat(receivedFile.getFileName()).isEqualTo("Quyết định 374.bin");
            assertThat(readAll(receivedFile.getInputStream())).isEqualTo(attachment);
        }
        try (Store store = MailClients.openImaps(server, SENDER)) {
            assertThat(store.getFolder("Sent").exists()).isTrue();
        }
    }

    @Test
    void windows1258BodyDecodesToTheSameVietnameseText() throws Exception {
        String text = "Văn thư kính gửi văn bản đến tỉnh Lai Châu";
        Charset windows1258 = Charset.forName("windows-1258");
        String subject = "windows-1258 " + UUID.randomUUID();
        MimeMessage message = new MimeMessage(MailClients.submission(server));
        message.setFrom(SENDER);
        message.setRecipients(Message.RecipientType.TO, RECIPIENT);
        message.setSubject(subject);
        // windows-1258 writes Vietnamese with combining tone marks; decoding must give the same text back (NFC-equal).
        message.setText(Windows1258.toneMarksSeparated(text), windows1258.name());
        MailClients.submit(server, SENDER, message);

        try (Store store = MailClients.openImaps(server, RECIPIENT)) {
            Message received = findBySubject(store, "INBOX", subject);
            assertThat(received.getContentType()).containsIgnoringCase("windows-1258");
            String decoded = ((String) received.getContent()).trim();
            assertThat(java.text.Normalizer.normalize(decoded, java.text.Normalizer.Form.NFC)).isEqualTo(text);
        }
    }

    static Stream<Path> vietnameseCorpus() throws Exception {
        Path documents = Path.of(System.getProperty("govmail.shared"), "corpus", "vi", "documents");
        return Files.list(documents).filter(path -> path.toString().endsWith(".eml")).sorted().limit(8);
    }

    /** Official documents arrive from other provinces on port 25: subject and text must decode as the original. */
    @ParameterizedTest
    @MethodSource("vietnameseCorpus")
    void vietnameseOfficialDocumentsKeepTheirSubjectAndText(Path eml) throws Exception {
        Session mx = MailClients.mx(server);
        byte[] raw = Files.readAllBytes(eml);
        MimeMessage original = new MimeMessage(mx, new java.io.ByteArrayInputStream(raw));
        Transport.send(original, new InternetAddress[] {new InternetAddress(MailServerProcess.demoUser("vanthu"))});

        try (Store store = MailClients.openImaps(server, MailServerProcess.demoUser("vanthu"))) {
            Message received = findByMessageId(store, original.getMessageID());
            assertThat(received.getSubject()).isEqualTo(original.getSubject());
            assertThat(firstText(received)).isEqualTo(firstText(original));
        }
    }

    private static String firstText(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return ((String) part.getContent()).replace("\r\n", "\n");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = firstText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    static Message findBySubject(Store store, String folder, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (Message message : MailClients.awaitMessages(store, folder, 1, Duration.ofSeconds(5))) {
                if (subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No message with subject '" + subject + "' in " + folder);
    }

    static Message findByMessageId(Store store, String messageId) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (Message message : MailClients.awaitMessages(store, "INBOX", 1, Duration.ofSeconds(5))) {
                String[] ids = message.getHeader("Message-ID");
                if (ids != null && ids[0].equals(messageId)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No message " + messageId + " in INBOX");
    }

    private static byte[] readAll(InputStream input) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        input.transferTo(output);
        return output.toByteArray();
    }
}

package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail to other domains: relayed for authenticated users through the configured smarthost (a local sink),
 * DKIM-signed with the sender domain's key, and bounced back to the sender (DSN) when the remote refuses it.
 */
class OutboundDeliveryIT {
    private static SmtpSink remote;
    private static MailServerProcess server;
    private static String dkimRecord;
    private static final String SENDER = MailServerProcess.demoUser("tranthib");

    @BeforeAll
    static void start() throws Exception {
        remote = new SmtpSink();
        server = MailServerProcess.start("outbound", Map.of("GOVMAIL_RELAY_HOST", "127.0.0.1:" + remote.port()));
        HttpResponse<String> created = AdminApi.call(server, "POST", "govmail/dkim/demo.gov.vn", null);
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher value = Pattern.compile("\"dnsValue\":\"([^\"]+)\"").matcher(created.body());
        assertThat(value.find()).isTrue();
        dkimRecord = value.group(1);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        remote.close();
    }

    @Test
    void authenticatedMailToAnotherDomainIsRelayedAndDkimSigned() throws Exception {
        String subject = "outbound-" + System.nanoTime();
        MailClients.submitText(server, SENDER, "chanhvanphong@other-province.gov.vn", "Giấy mời họp", subject, "Kính mời đồng chí dự họp.\n");

        SmtpSink.Received received = awaitRemote(subject);
        assertThat(received.recipients()).containsExactly("chanhvanphong@other-province.gov.vn");
        assertThat(received.sender()).isEqualTo(SENDER);
        String raw = new String(received.data(), StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("DKIM-Signature:").contains("d=demo.gov.vn").contains("s=govmail");

        DKIMVerifier verifier = new DKIMVerifier((method, selector, token) -> {
            assertThat(selector.toString()).isEqualTo("govmail");
            assertThat(token.toString()).isEqualTo("demo.gov.vn");
            return List.of(dkimRecord);
        });
        List<SignatureRecord> valid = verifier.verify(new ByteArrayInputStream(received.data()));
        assertThat(valid).as("signatures that verify against the published key").hasSize(1);
    }

    @Test
    void refusedRemoteRecipientBouncesToTheSender() throws Exception {
        String subject = "bounce-" + System.nanoTime();
        MailClients.submitText(server, SENDER, "rejected-user@other-province.gov.vn", subject, subject, "Thư này sẽ bị trả lại.\n");

        try (Store store = MailClients.openImaps(server, SENDER)) {
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    for (Message message : inbox.getMessages()) {
                        if (message.isMimeType("multipart/report")) {
                            String report = new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                            assertThat(report).contains("rejected-user@other-province.gov.vn").contains("5.1.1");
                            return;
                        }
                    }
                } finally {
                    if (inbox.isOpen()) {
                        inbox.close(false);
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("no delivery status notification reached " + SENDER);
    }

    private static SmtpSink.Received awaitRemote(String subject) throws InterruptedException {
        return awaitRemote(remote, subject);
    }

    static SmtpSink.Received awaitRemote(SmtpSink sink, String subject) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (SmtpSink.Received received : sink.messages) {
                if (new String(received.data(), StandardCharsets.ISO_8859_1).contains(subject)) {
                    return received;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the remote server never received " + subject);
    }
}

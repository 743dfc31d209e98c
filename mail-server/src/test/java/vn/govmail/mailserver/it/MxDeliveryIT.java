package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Direct delivery without a smarthost: the server asks DNS (a stub on 127.0.0.53) for the recipient domain's
 * MX, resolves it to 127.0.0.2 and delivers there on port 25 (a sink). Needs root for ports 53 and 25, as
 * the CI machine has.
 */
class MxDeliveryIT {
    private static DnsStub dns;
    private static SmtpSink remoteMx;
    private static MailServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (System.getenv("CI") == null) {
            assumeTrue(root, "binding ports 53 and 25 needs root");
        }
        dns = new DnsStub("127.0.0.53", Map.of("other-province.gov.vn", "mx.other-province.gov.vn"),
            Map.of("mx.other-province.gov.vn", "127.0.0.2"));
        remoteMx = new SmtpSink(InetAddress.getByName("127.0.0.2"), 25);
        server = MailServerProcess.start("mx", Map.of("GOVMAIL_DNS_SERVERS", "127.0.0.53"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (remoteMx != null) {
            remoteMx.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void mailIsDeliveredToTheRecipientDomainsMxHost() throws Exception {
        String sender = MailServerProcess.demoUser("nguyenvana");
        String token = "mx-" + System.nanoTime();
        MailClients.submitText(server, sender, "vanthu@other-province.gov.vn", "Công văn gửi tỉnh bạn", token, "Nội dung.\n");

        SmtpSink.Received received = OutboundDeliveryIT.awaitRemote(remoteMx, token);
        assertThat(received.recipients()).containsExactly("vanthu@other-province.gov.vn");
        assertThat(received.sender()).isEqualTo(sender);
    }
}

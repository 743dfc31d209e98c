package vn.govmail.mailserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.govmail.mailserver.tls.SelfSignedCertificateGenerator;
import vn.govmail.mailserver.tls.TlsMaterial;

class JamesConfigurationRendererTest {
    @Test
    void everyTemplateRendersFromTheDefaultSettings(@TempDir Path directory) throws Exception {
        TlsMaterial tls = SelfSignedCertificateGenerator.ensure(directory.resolve("tls"), "mail.example.gov.vn");
        GovmailSettings settings = GovmailSettings.load(Map.of("GOVMAIL_RELAY_HOST", "relay.example:2525",
            "GOVMAIL_DNS_SERVERS", "127.0.0.1, 10.0.0.53"));
        Path conf = directory.resolve("conf");
        JamesConfigurationRenderer.render(JamesConfigurationVariables.from(settings, tls), conf);

        for (String template : JamesConfigurationRenderer.TEMPLATES) {
            assertThat(Files.readString(conf.resolve(template))).as(template).doesNotContain("${");
        }
        assertThat(Files.readString(conf.resolve("smtpserver.xml"))).contains("<bind>0.0.0.0:587</bind>")
            .contains("<maxmessagesize>51200K</maxmessagesize>").contains("<authorizedAddresses></authorizedAddresses>")
            .contains("<supportedProtocols><protocol>TLSv1.2</protocol><protocol>TLSv1.3</protocol></supportedProtocols>");
        assertThat(Files.readString(conf.resolve("imapserver.xml"))).contains("<requireSSL>true</requireSSL>")
            .contains("<literalSizeLimit>62914560</literalSizeLimit>");
        assertThat(Files.readString(conf.resolve("mailetcontainer.xml"))).contains("<gateway>relay.example:2525</gateway>");
        assertThat(Files.readString(conf.resolve("dnsservice.xml"))).contains("<server>10.0.0.53</server>").contains("<autodiscover>false</autodiscover>");
        assertThat(Files.readString(conf.resolve("webadmin.properties"))).contains("host=127.0.0.1");
    }

    @Test
    void unknownPlaceholderIsReported() {
        assertThatThrownBy(() -> JamesConfigurationRenderer.fill("x.xml", "<a>${nope}</a>", Map.of()))
            .hasMessageContaining("x.xml").hasMessageContaining("${nope}");
    }
}

package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EICAR through a real clamd, by INSTREAM, inside a MIME attachment. */
class AntivirusStepTest {
    private static ClamdProcess clamd;
    private static SpamFilter filter;

    @BeforeAll
    static void start() throws Exception {
        clamd = new ClamdProcess();
        var properties = Messages.settings(0);
        properties.setProperty("spam.envelope.enabled", "false");
        properties.setProperty("spam.auth.enabled", "false");
        properties.setProperty("spam.clamav.socket", clamd.socket().toString());
        filter = SpamFilter.start(new SpamFilterSettings(properties), null);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (filter != null) {
                filter.close();
            }
        } finally {
            if (clamd != null) {
                clamd.close();   // never leave a clamd behind, even when the filter failed to start
            }
        }
    }

    @Test
    void clamdFindsEicarInABase64AttachmentAndTheMessageIsRejected() {
        byte[] infected = Attachments.message("a@x.example", "eicar.txt", "text/plain", ClamdProcess.EICAR.getBytes(StandardCharsets.US_ASCII));
        Verdict verdict = filter.scan(Messages.external("203.0.113.9", "mail.x.example", "a@x.example", "canbo@laichau.gov.vn"), infected);
        assertThat(verdict.hits()).anyMatch(hit -> hit.rule().equals("VIRUS_FOUND") && hit.detail().contains(ClamdProcess.SIGNATURE));
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
    }

    @Test
    void cleanMailPassesAndEvenTrustedSendersAreScanned() throws Exception {
        assertThat(clamd.client().scan("Kính gửi anh chị".getBytes(StandardCharsets.UTF_8))).isNull();
        var internal = new SmtpEnvelope("10.0.0.5", "pc01", "vanthu@laichau.gov.vn", java.util.List.of("canbo@laichau.gov.vn"), true, true);
        byte[] infected = Attachments.message("vanthu@laichau.gov.vn", "eicar.com.txt", "text/plain",
                ClamdProcess.EICAR.getBytes(StandardCharsets.US_ASCII));
        assertThat(filter.scan(internal, infected).fired("VIRUS_FOUND")).isTrue();
    }
}

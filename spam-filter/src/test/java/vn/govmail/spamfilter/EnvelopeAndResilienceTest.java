package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** DNSBL, HELO and rDNS checks, and a dead DNS server degrading to "no opinion" without blocking mail. */
class EnvelopeAndResilienceTest {

    @Test
    void listedClientsBadHelosAndMissingReverseDnsScore() throws Exception {
        try (DnsStub dns = new DnsStub().a("9.113.0.203.bl.test", "127.0.0.2").ptr("198.51.100.20", "mail.good.example")) {
            Properties properties = Messages.settings(dns.port());
            properties.setProperty("spam.dnsbl.zones", "bl.test, other-bl.test");
            try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(properties), null)) {
                byte[] message = Messages.plain("a@x.example", "canbo@laichau.gov.vn", "Chào", "Nội dung");
                Verdict listed = filter.scan(Messages.external("203.0.113.9", "laichau.gov.vn", "a@x.example", "canbo@laichau.gov.vn"), message);
                assertThat(listed.fired("RCVD_IN_DNSBL")).isTrue();
                assertThat(listed.fired("RDNS_NONE")).isTrue();
                assertThat(listed.fired("HELO_CLAIMS_LOCAL_DOMAIN")).isTrue();

                Verdict clean = filter.scan(Messages.external("198.51.100.20", "mail.good.example", "a@x.example", "canbo@laichau.gov.vn"), message);
                assertThat(clean.fired("RCVD_IN_DNSBL")).isFalse();
                assertThat(clean.fired("RDNS_NONE")).isFalse();
                assertThat(clean.fired("HELO_NOT_FQDN")).isFalse();

                Verdict literal = filter.scan(Messages.external("198.51.100.20", "[192.0.2.1]", "a@x.example", "canbo@laichau.gov.vn"), message);
                assertThat(literal.fired("HELO_IP_MISMATCH")).isTrue();
            }
        }
    }

    @Test
    void aDeadDnsServerMeansNoOpinionCountedNeverABlockedMessage() {
        Properties properties = Messages.settings(0);   // port 9 (discard): every lookup times out
        properties.setProperty("spam.dns.timeout.ms", "200");
        properties.setProperty("spam.step.timeout.ms", "400");
        try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(properties), null)) {
            long started = System.nanoTime();
            Verdict verdict = filter.scan(Messages.external("203.0.113.9", "mail.x.example", "a@x.example", "canbo@laichau.gov.vn"),
                    Messages.plain("a@x.example", "canbo@laichau.gov.vn", "Chào", "Nội dung bình thường"));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(verdict.action()).isEqualTo(Action.DELIVER);
            assertThat(verdict.noOpinion()).contains("envelope", "spf", "dmarc");
            assertThat(verdict.headers().get("X-Spam-Status")).contains("unavailable=envelope");
            assertThat(filter.statistics().timeouts("envelope") + filter.statistics().failures("envelope")).isEqualTo(1);
            assertThat(millis).isLessThan(5 * 400 + 1500);
        }
    }

    @Test
    void authenticatedIntraProvinceMailSkipsReputationButNotMalwareChecks() {
        try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(Messages.settings(0)), null)) {
            SmtpEnvelope internal = new SmtpEnvelope("203.0.113.9", "pc01", "vanthu@laichau.gov.vn", List.of("canbo@laichau.gov.vn"), true, true);
            byte[] scammy = Messages.plain("vanthu@laichau.gov.vn", "canbo@laichau.gov.vn", "TRÚNG THƯỞNG LỚN HÔM NAY",
                    "Chúc mừng trúng thưởng, chuyển phí vận chuyển, nhập mã OTP, http://laichau-gov.vn.com/x");
            Verdict verdict = filter.scan(internal, scammy);
            assertThat(verdict.hits()).isEmpty();
            assertThat(verdict.noOpinion()).isEmpty();
            assertThat(verdict.action()).isEqualTo(Action.DELIVER);

            byte[] withExe = Attachments.message("vanthu@laichau.gov.vn", "bao-cao.exe", "application/octet-stream", Attachments.windowsExecutable());
            assertThat(filter.scan(internal, withExe).action()).isEqualTo(Action.REJECT);
        }
    }
}

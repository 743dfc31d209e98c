package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The SMTP-time checks (DNSBL at connect, SPF at MAIL FROM) against the DNS stub, their "no opinion" on a dead
 * DNS server, and the pipeline using what they found instead of asking DNS again.
 */
class SmtpChecksTest {

    @Test
    void dnsblNamesTheZonesThatListTheClient() throws Exception {
        // RFC 5782 §2.4: an IPv6 client is asked as its 32 nibbles reversed
        String v6Listed = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl.test";
        try (DnsStub dns = new DnsStub().a("9.113.0.203.bl.test", "127.0.0.2").a("9.113.0.203.err.test", "127.255.255.254")
            .a(v6Listed, "127.0.0.2")) {
            Properties properties = Messages.settings(dns.port());
            properties.setProperty("spam.dnsbl.zones", "bl.test, other-bl.test, err.test");
            try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(properties), null)) {
                assertThat(filter.smtpChecks().dnsblConfigured()).isTrue();
                assertThat(filter.smtpChecks().dnsbl("203.0.113.9")).contains(List.of("bl.test"));
                assertThat(filter.smtpChecks().dnsbl("198.51.100.20")).contains(List.of());
                assertThat(filter.smtpChecks().dnsbl("2001:db8::1")).contains(List.of("bl.test"));
                assertThat(filter.smtpChecks().dnsbl("2001:db8::2")).contains(List.of());
                // an IPv4 client seen through an IPv4-mapped IPv6 socket is asked as IPv4
                assertThat(filter.smtpChecks().dnsbl("::ffff:203.0.113.9")).contains(List.of("bl.test"));
                assertThat(filter.statistics().runs(SmtpChecks.DNSBL)).isEqualTo(5);
            }
        }
    }

    @Test
    void spfAtMailFromGivesTheResult() throws Exception {
        try (DnsStub dns = new DnsStub().txt("strict.example", "v=spf1 ip4:192.0.2.1 -all")
            .txt("soft.example", "v=spf1 ip4:192.0.2.1 ~all")) {
            try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(Messages.settings(dns.port())), null)) {
                assertThat(filter.smtpChecks().spf("192.0.2.1", "a@strict.example", "mx.strict.example")).contains("pass");
                assertThat(filter.smtpChecks().spf("203.0.113.9", "a@strict.example", "mx.strict.example")).contains("fail");
                assertThat(filter.smtpChecks().spf("203.0.113.9", "a@soft.example", "mx.soft.example")).contains("softfail");
                assertThat(filter.smtpChecks().spf("203.0.113.9", "a@unknown.example", "mx.unknown.example")).contains("none");
            }
        }
    }

    @Test
    void aDeadDnsServerGivesNoOpinionCountedAndQuickly() {
        Properties properties = Messages.settings(0);   // discard port: every lookup times out
        properties.setProperty("spam.dns.timeout.ms", "300");
        properties.setProperty("spam.smtp.check.timeout.ms", "600");
        properties.setProperty("spam.dnsbl.zones", "bl.test");
        try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(properties), null)) {
            long started = System.nanoTime();
            assertThat(filter.smtpChecks().dnsbl("203.0.113.9")).isEmpty();
            assertThat(filter.smtpChecks().spf("203.0.113.9", "a@x.example", "mx.x.example")).isEmpty();
            long millis = (System.nanoTime() - started) / 1_000_000;
            // two check budgets plus slack for a loaded CI machine (it once took 2.05 s at load 60); an unbounded
            // lookup with retries would take far longer
            assertThat(millis).isLessThan(2 * 600 + 2_500);
            StepStatistics statistics = filter.statistics();
            assertThat(statistics.failures(SmtpChecks.DNSBL) + statistics.timeouts(SmtpChecks.DNSBL)).isEqualTo(1);
            assertThat(statistics.failures(SmtpChecks.SPF) + statistics.timeouts(SmtpChecks.SPF)).isEqualTo(1);
        }
    }

    @Test
    void thePipelineUsesTheSmtpTimeResultsWithoutAskingAgain() {
        // DNS is dead: any lookup by the pipeline would end in "no opinion" for spf/envelope
        Properties properties = Messages.settings(0);
        properties.setProperty("spam.dns.timeout.ms", "200");
        properties.setProperty("spam.dnsbl.zones", "bl.test");
        properties.setProperty("spam.rdns.enabled", "false");
        try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(properties), null)) {
            SmtpEnvelope envelope = Messages.external("203.0.113.9", "mx.x.example", "a@x.example", "canbo@laichau.gov.vn")
                .withSmtpChecks("softfail", List.of("bl.test"));
            Verdict verdict = filter.scan(envelope, Messages.plain("a@x.example", "canbo@laichau.gov.vn", "Chào", "Nội dung"));
            assertThat(verdict.fired("SPF_SOFTFAIL")).isTrue();
            assertThat(verdict.fired("RCVD_IN_DNSBL")).isTrue();
            assertThat(verdict.noOpinion()).doesNotContain("spf", "envelope");
            assertThat(verdict.headers().get("Authentication-Results")).contains("spf=softfail smtp.mailfrom=x.example");

            Verdict unchecked = filter.scan(envelope.withSmtpChecks("temperror", List.of()),
                Messages.plain("a@x.example", "canbo@laichau.gov.vn", "Chào", "Nội dung"));
            assertThat(unchecked.noOpinion()).contains("spf");          // no opinion at MAIL FROM stays no opinion
            assertThat(unchecked.fired("RCVD_IN_DNSBL")).isFalse();
        }
    }

    @Test
    void senderDecisionConsultsStoredThenConfiguredLists() {
        Properties properties = Messages.settings(0);
        properties.setProperty("spam.block.senders", "@spam.example");
        try (SpamFilter filter = SpamFilter.start(new SpamFilterSettings(properties), null)) {
            filter.senderLists().add(new vn.govmail.spamfilter.lists.ListEntry("canbo@laichau.gov.vn", "ban@spam.example", true));
            assertThat(filter.senderDecision("ban@spam.example", "canbo@laichau.gov.vn")).contains(true);
            assertThat(filter.senderDecision("other@spam.example", "canbo@laichau.gov.vn")).contains(false);
            assertThat(filter.senderDecision("a@ok.example", "canbo@laichau.gov.vn")).isEmpty();
        }
    }
}

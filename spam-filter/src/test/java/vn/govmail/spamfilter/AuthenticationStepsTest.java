package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.apache.james.jdkim.DKIMSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPF (jSPF), DKIM (jDKIM) and DMARC through the whole route, DNS answered by a stub on 127.0.0.1. */
class AuthenticationStepsTest {
    private static final String CLIENT = "203.0.113.9";
    private static DnsStub dns;
    private static SpamFilter filter;
    private static KeyPair key;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        dns = new DnsStub()
                .txt("spf-pass.example", "v=spf1 ip4:" + CLIENT + " -all")
                .txt("spf-fail.example", "v=spf1 ip4:198.51.100.7 -all")
                .txt("spf-soft.example", "v=spf1 ip4:198.51.100.7 ~all")
                .txt("sel._domainkey.signed.example", "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded()))
                .txt("_dmarc.signed.example", "v=DMARC1; p=reject")
                .txt("_dmarc.bank.example", "v=DMARC1; p=reject; adkim=s")
                .txt("_dmarc.shop.example", "v=DMARC1; p=quarantine")
                .txt("spf-pass2.example", "v=spf1 ip4:" + CLIENT + " -all");
        filter = SpamFilter.start(new SpamFilterSettings(Messages.settings(dns.port())), null);
    }

    @AfterAll
    static void stop() {
        filter.close();
        dns.close();
    }

    private static Verdict scan(String mailFrom, byte[] message) {
        return filter.scan(Messages.external(CLIENT, "mail.sender.example", mailFrom, "canbo@laichau.gov.vn"), message);
    }

    @Test
    void spfPassFailAndSoftfailAreScoredAndReported() {
        Verdict pass = scan("a@spf-pass.example", Messages.plain("a@spf-pass.example", "canbo@laichau.gov.vn", "Họp", "Nội dung"));
        Verdict fail = scan("a@spf-fail.example", Messages.plain("a@spf-fail.example", "canbo@laichau.gov.vn", "Họp", "Nội dung"));
        Verdict soft = scan("a@spf-soft.example", Messages.plain("a@spf-soft.example", "canbo@laichau.gov.vn", "Họp", "Nội dung"));

        assertThat(pass.fired("SPF_PASS")).isTrue();
        assertThat(pass.headers().get("Authentication-Results")).startsWith("mx.laichau.gov.vn; spf=pass smtp.mailfrom=spf-pass.example");
        assertThat(fail.fired("SPF_FAIL")).isTrue();
        assertThat(fail.headers().get("Authentication-Results")).contains("spf=fail");
        assertThat(soft.fired("SPF_SOFTFAIL")).isTrue();
        assertThat(fail.score()).isGreaterThan(soft.score()).isGreaterThan(pass.score());
    }

    @Test
    void aValidDkimSignatureAlignsDmarcAndATamperedOneIsRejectedByPolicy() throws Exception {
        byte[] unsigned = Messages.plain("Phòng Kế toán <ketoan@signed.example>", "canbo@laichau.gov.vn", "Báo cáo quý",
                "Kính gửi anh chị báo cáo quý III.");
        DKIMSigner signer = new DKIMSigner("v=1; s=sel; d=signed.example; h=from:to:subject:date:message-id; a=rsa-sha256; "
                + "c=relaxed/relaxed; bh=; b=;", key.getPrivate());
        String signature = signer.sign(new ByteArrayInputStream(unsigned));
        byte[] signed = (signature + "\r\n" + new String(unsigned, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        Verdict good = scan("bounce@other-mailer.example", signed);
        assertThat(good.fired("DKIM_VALID")).as(good.toString()).isTrue();
        assertThat(good.fired("DMARC_PASS")).isTrue();
        assertThat(good.headers().get("Authentication-Results")).contains("dkim=pass header.d=signed.example header.s=sel")
                .contains("dmarc=pass");
        assertThat(good.action()).isEqualTo(Action.DELIVER);

        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("quý III", "quý IV, chuyển khoản gấp")
                .getBytes(StandardCharsets.UTF_8);
        Verdict bad = scan("bounce@other-mailer.example", tampered);
        assertThat(bad.fired("DKIM_INVALID")).isTrue();
        assertThat(bad.fired("DMARC_FAIL_REJECT")).isTrue();
        assertThat(bad.headers().get("Authentication-Results")).contains("dkim=fail").contains("dmarc=fail (p=reject)");
        assertThat(bad.action()).isEqualTo(Action.REJECT);
    }

    @Test
    void dmarcHonoursQuarantineAndStrictAlignment() {
        Verdict quarantine = scan("x@spf-pass.example", Messages.plain("shop@shop.example", "canbo@laichau.gov.vn", "Ưu đãi", "Giảm giá"));
        assertThat(quarantine.fired("DMARC_FAIL_QUARANTINE")).isTrue();
        assertThat(quarantine.action()).isGreaterThanOrEqualTo(Action.JUNK);

        // SPF passes for a subdomain of bank.example, but adkim=s and no DKIM: fails, p=reject
        Verdict strict = scan("x@spf-pass2.example", Messages.plain("ceo@bank.example", "canbo@laichau.gov.vn", "Chuyển khoản", "Gấp"));
        assertThat(strict.fired("DMARC_FAIL_REJECT")).isTrue();
        assertThat(strict.action()).isEqualTo(Action.REJECT);
    }

    @Test
    void mailWithoutAnyPolicyGetsNoAuthenticationOpinion() {
        Verdict none = scan("a@unknown-sender.example", Messages.plain("a@unknown-sender.example", "canbo@laichau.gov.vn", "Xin chào", "Chào anh"));
        assertThat(none.headers().get("Authentication-Results")).contains("spf=none").contains("dkim=none").contains("dmarc=none");
        assertThat(none.noOpinion()).isEmpty();
    }
}

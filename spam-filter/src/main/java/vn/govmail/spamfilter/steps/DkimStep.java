package vn.govmail.spamfilter.steps;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;

import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.dns.DnsClient;

/** DKIM (RFC 6376) verification with Apache jDKIM; keys come through our resolver. */
public final class DkimStep implements ScanStep {
    private final DnsClient dns;
    private final SpamFilterSettings settings;

    public DkimStep(DnsClient dns, SpamFilterSettings settings) {
        this.dns = dns;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "dkim";
    }

    @Override
    public void apply(ScanContext context) throws Exception {
        if (context.message().headers("DKIM-Signature").isEmpty()) {
            context.authResult("dkim=none");
            return;
        }
        context.dkimSigned(true);
        // one verifier per message: jDKIM keeps per-verification state
        DKIMVerifier verifier = new DKIMVerifier(new DNSPublicKeyRecordRetriever(dns.resolver()));
        try {
            List<SignatureRecord> valid = verifier.verify(new ByteArrayInputStream(context.raw()));
            if (valid == null || valid.isEmpty()) {
                fail(context, "no valid signature");
                return;
            }
            for (SignatureRecord signature : valid) {
                String domain = signature.getDToken().toString();
                context.dkimPass(domain);
                context.authResult("dkim=pass header.d=" + domain + " header.s=" + signature.getSelector());
            }
            context.hit(RuleHit.of("DKIM_VALID", settings.score("DKIM_VALID"), "signed by " + String.join(",", context.dkimPassDomains())));
        } catch (TempFailException e) {
            context.authResult("dkim=temperror");
            throw e;
        } catch (FailException e) {
            fail(context, e.getMessage());
        }
    }

    private void fail(ScanContext context, String why) {
        context.authResult("dkim=fail");
        context.hit(RuleHit.of("DKIM_INVALID", settings.score("DKIM_INVALID"), why == null ? "bad signature" : why));
    }
}

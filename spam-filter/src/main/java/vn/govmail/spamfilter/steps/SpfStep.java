package vn.govmail.spamfilter.steps;

import java.io.IOException;

import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.check.SpfChecker;

/**
 * SPF (RFC 7208) of MAIL FROM (or HELO for the null sender). When the SMTP server already checked SPF at
 * MAIL FROM, its result is used as it is (no second lookup).
 */
public final class SpfStep implements ScanStep {
    private final SpfChecker spf;
    private final SpamFilterSettings settings;

    public SpfStep(SpfChecker spf, SpamFilterSettings settings) {
        this.spf = spf;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "spf";
    }

    @Override
    public void apply(ScanContext context) throws IOException {
        var envelope = context.envelope();
        if (envelope.clientIp() == null || envelope.clientIp().isEmpty()) {
            return;
        }
        String outcome = envelope.spfResult() != null ? envelope.spfResult()
            : spf.check(envelope.clientIp(), envelope.mailFrom(), envelope.helo());
        context.spfResult(outcome);
        String identity = envelope.mailFrom().isEmpty() ? "smtp.helo=" + envelope.helo() : "smtp.mailfrom=" + envelope.mailFromDomain();
        context.authResult("spf=" + outcome + " " + identity);
        if (outcome.equals("temperror")) {
            throw new IOException("SPF temperror for " + identity);   // a DNS problem: no opinion, counted
        }
        String rule = switch (outcome) {
            case "pass" -> "SPF_PASS";
            case "fail" -> "SPF_FAIL";
            case "softfail" -> "SPF_SOFTFAIL";
            case "permerror" -> "SPF_PERMERROR";
            default -> null;
        };
        if (rule != null) {
            context.hit(RuleHit.of(rule, settings.score(rule), "SPF " + outcome + " for " + envelope.clientIp()));
        }
    }
}

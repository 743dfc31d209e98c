package vn.govmail.spamfilter.steps;

import java.io.IOException;
import java.util.Locale;

import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.DNSServiceEnabled;
import org.apache.james.jspf.core.MacroExpand;
import org.apache.james.jspf.core.MacroExpandEnabled;
import org.apache.james.jspf.core.SPFCheckEnabled;
import org.apache.james.jspf.executor.SynchronousSPFExecutor;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.apache.james.jspf.impl.DefaultTermsFactory;
import org.apache.james.jspf.impl.SPF;
import org.apache.james.jspf.parser.RFC4408SPF1Parser;
import org.apache.james.jspf.wiring.WiringServiceTable;

import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.dns.DnsClient;

/** SPF (RFC 7208) of MAIL FROM (or HELO for the null sender) with Apache jSPF, over our resolver. */
public final class SpfStep implements ScanStep {
    private final SPF spf;
    private final SpamFilterSettings settings;

    public SpfStep(DnsClient dns, SpamFilterSettings settings) {
        this.spf = synchronousSpf(new DNSServiceXBillImpl(dns.resolver()));
        this.spf.setUseBestGuess(false);
        this.settings = settings;
    }

    /**
     * jSPF wired as its {@code SPF(DNSService)} constructor does, but with the synchronous executor: 1.0.3's
     * asynchronous executor resolves through a default dnsjava LookupSession (ignoring our resolver, so the
     * configured server and the test stub are bypassed) and, fed a resolver-bound answer, stops after the
     * obsolete SPF RR type without asking for the TXT record.
     */
    private static SPF synchronousSpf(DNSService dnsService) {
        WiringServiceTable wiring = new WiringServiceTable();
        wiring.put(DNSServiceEnabled.class, dnsService);
        MacroExpand macroExpand = new MacroExpand(dnsService);
        wiring.put(MacroExpandEnabled.class, macroExpand);
        RFC4408SPF1Parser parser = new RFC4408SPF1Parser(new DefaultTermsFactory(wiring));
        SPF spf = new SPF(dnsService, parser, macroExpand, new SynchronousSPFExecutor(dnsService));
        wiring.put(SPFCheckEnabled.class, spf);
        return spf;
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
        SPFResult result = spf.checkSPF(envelope.clientIp(), envelope.mailFrom(), envelope.helo());
        String outcome = result.getResult().toLowerCase(Locale.ROOT);
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

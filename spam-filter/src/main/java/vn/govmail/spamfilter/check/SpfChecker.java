package vn.govmail.spamfilter.check;

import java.util.Locale;

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

import vn.govmail.spamfilter.dns.DnsClient;

/** SPF (RFC 7208) of MAIL FROM (or HELO for the null sender) with Apache jSPF, over our resolver. Thread-safe. */
public final class SpfChecker {
    private final SPF spf;

    public SpfChecker(DnsClient dns) {
        this.spf = synchronousSpf(new DNSServiceXBillImpl(dns.resolver()));
        this.spf.setUseBestGuess(false);
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

    /** pass, fail, softfail, neutral, none, permerror or temperror (a DNS problem). */
    public String check(String clientIp, String mailFrom, String helo) {
        return spf.checkSPF(clientIp, mailFrom, helo).getResult().toLowerCase(Locale.ROOT);
    }
}

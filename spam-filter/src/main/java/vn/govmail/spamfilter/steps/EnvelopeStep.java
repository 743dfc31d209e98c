package vn.govmail.spamfilter.steps;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.check.DnsblChecker;
import vn.govmail.spamfilter.dns.DnsClient;

/** Reputation of the connection itself: DNS blocklists of the client IP, HELO sanity, reverse DNS. */
public final class EnvelopeStep implements ScanStep {
    private final DnsClient dns;
    private final SpamFilterSettings settings;
    private final DnsblChecker dnsbl;
    private final boolean reverseDns;

    public EnvelopeStep(DnsClient dns, SpamFilterSettings settings) {
        this.dns = dns;
        this.settings = settings;
        this.dnsbl = new DnsblChecker(dns, settings.list("spam.dnsbl.zones"));
        this.reverseDns = settings.flag("spam.rdns.enabled", true);
    }

    @Override
    public String name() {
        return "envelope";
    }

    @Override
    public void apply(ScanContext context) throws IOException {
        String ip = context.envelope().clientIp();
        checkHelo(context, context.envelope().helo(), ip);
        if (ip == null || ip.isEmpty() || DnsblChecker.isPrivateOrLoopback(ip)) {
            return;
        }
        List<String> listings = context.envelope().dnsblListings() != null
            ? context.envelope().dnsblListings()   // asked at connect already
            : dnsbl.listedIn(ip);
        for (String zone : listings) {
            context.hit(RuleHit.of("RCVD_IN_DNSBL", settings.score("RCVD_IN_DNSBL"), ip + " listed in " + zone));
        }
        if (reverseDns && dns.ptr(ip).isEmpty()) {
            context.hit(RuleHit.of("RDNS_NONE", settings.score("RDNS_NONE"), "no PTR for " + ip));
        }
    }

    private void checkHelo(ScanContext context, String helo, String ip) {
        String name = helo.toLowerCase(Locale.ROOT).trim();
        if (name.startsWith("[") && name.endsWith("]")) {
            String literal = name.substring(1, name.length() - 1).replaceFirst("^ipv6:", "");
            if (ip != null && !literal.equalsIgnoreCase(ip)) {
                context.hit(RuleHit.of("HELO_IP_MISMATCH", settings.score("HELO_IP_MISMATCH"), "HELO " + helo + " from " + ip));
            }
            return;
        }
        if (!name.contains(".") || name.endsWith(".")) {
            context.hit(RuleHit.of("HELO_NOT_FQDN", settings.score("HELO_NOT_FQDN"), "HELO " + helo));
        }
        if (!context.envelope().authenticated() && context.isLocalDomain(name)) {
            context.hit(RuleHit.of("HELO_CLAIMS_LOCAL_DOMAIN", settings.score("HELO_CLAIMS_LOCAL_DOMAIN"), "HELO " + helo));
        }
    }
}

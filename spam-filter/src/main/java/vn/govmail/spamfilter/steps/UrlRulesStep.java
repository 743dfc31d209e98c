package vn.govmail.spamfilter.steps;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import vn.govmail.spamfilter.DomainNames;
import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.UrlExtractor;
import vn.govmail.spamfilter.dns.DnsClient;

/** Links: a configured URI blocklist and optional URIBL DNS zones, cheap TLDs favoured by phishers, bare-IP links. */
public final class UrlRulesStep implements ScanStep {
    private static final Set<String> DEFAULT_SUSPICIOUS_TLDS = Set.of(
            "top", "xyz", "click", "loan", "work", "gq", "tk", "ml", "cf", "ga", "zip", "mov", "icu", "cyou", "rest", "buzz", "monster");

    private final DnsClient dns;
    private final SpamFilterSettings settings;
    private final List<String> blocklist;
    private final List<String> uriblZones;
    private final Set<String> suspiciousTlds;

    public UrlRulesStep(DnsClient dns, SpamFilterSettings settings) {
        this.dns = dns;
        this.settings = settings;
        this.blocklist = settings.list("spam.uri.blocklist");
        this.uriblZones = settings.list("spam.uribl.zones");
        Set<String> tlds = settings.set("spam.uri.suspicious.tlds");
        this.suspiciousTlds = tlds.isEmpty() ? DEFAULT_SUSPICIOUS_TLDS : tlds;
    }

    @Override
    public boolean inMemoryOnly() {
        return uriblZones.isEmpty();   // DNS only for URIBL zones
    }

    @Override
    public String name() {
        return "urls";
    }

    @Override
    public void apply(ScanContext context) throws IOException {
        boolean suspiciousTld = false;
        boolean ipLiteral = false;
        for (String host : UrlExtractor.hosts(context.message())) {
            if (UrlExtractor.isIpLiteral(host)) {
                ipLiteral = true;
                continue;
            }
            String organizational = DomainNames.organizational(host);
            if (blocklist.stream().anyMatch(blocked -> DomainNames.isSubdomainOrSelf(host, blocked))) {
                hit(context, "URI_BLOCKLISTED", host + " is on the URI blocklist");
                return;
            }
            for (String zone : uriblZones) {
                if (dns.a(organizational + "." + zone).stream().anyMatch(a -> a.startsWith("127."))) {
                    hit(context, "URI_BLOCKLISTED", organizational + " listed in " + zone);
                    return;
                }
            }
            suspiciousTld |= suspiciousTlds.contains(host.substring(host.lastIndexOf('.') + 1));
        }
        if (suspiciousTld) {
            hit(context, "URI_SUSPICIOUS_TLD", "link to a low-reputation TLD");
        }
        if (ipLiteral) {
            hit(context, "URI_IP_LITERAL", "link to a bare IP address");
        }
    }

    private void hit(ScanContext context, String rule, String detail) {
        context.hit(RuleHit.of(rule, settings.score(rule), detail));
    }
}

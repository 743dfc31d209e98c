package vn.govmail.spamfilter.steps;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;
import vn.govmail.spamfilter.dns.DnsClient;

/** Reputation of the connection itself: DNS blocklists of the client IP, HELO sanity, reverse DNS. */
public final class EnvelopeStep implements ScanStep {
    private final DnsClient dns;
    private final SpamFilterSettings settings;
    private final List<String> dnsblZones;
    private final boolean reverseDns;

    public EnvelopeStep(DnsClient dns, SpamFilterSettings settings) {
        this.dns = dns;
        this.settings = settings;
        this.dnsblZones = settings.list("spam.dnsbl.zones");
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
        if (ip == null || ip.isEmpty() || isPrivateOrLoopback(ip)) {
            return;
        }
        for (String zone : dnsblZones) {
            String query = reversedOctets(ip) + "." + zone;
            if (query.startsWith(".")) {
                continue;
            }
            List<String> answers = dns.a(query);
            // 127.0.0.x answers mean "listed"; 127.255.255.x are the lists' own error codes
            if (answers.stream().anyMatch(a -> a.startsWith("127.") && !a.startsWith("127.255.255."))) {
                context.hit(RuleHit.of("RCVD_IN_DNSBL", settings.score("RCVD_IN_DNSBL"), ip + " listed in " + zone));
            }
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

    static String reversedOctets(String ip) {
        String[] octets = ip.split("\\.");
        if (octets.length != 4) {
            return "";   // IPv6 DNSBL lookups are not done
        }
        return octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0];
    }

    private static boolean isPrivateOrLoopback(String ip) {
        if (ip.contains(":")) {
            String v6 = ip.toLowerCase(Locale.ROOT);
            return v6.equals("::1") || v6.startsWith("fe80:") || v6.startsWith("fc") || v6.startsWith("fd");
        }
        String[] o = ip.split("\\.");
        if (o.length != 4) {
            return false;
        }
        int a = Integer.parseInt(o[0]);
        int b = Integer.parseInt(o[1]);
        return a == 127 || a == 10 || (a == 192 && b == 168) || (a == 172 && b >= 16 && b <= 31) || (a == 169 && b == 254);
    }
}

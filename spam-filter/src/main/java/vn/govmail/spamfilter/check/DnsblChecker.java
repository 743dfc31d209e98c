package vn.govmail.spamfilter.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.govmail.spamfilter.dns.DnsClient;

/** DNS blocklist lookups of a client IPv4 address in the configured zones ({@code 4.3.2.1.zone A?}). */
public final class DnsblChecker {
    private final DnsClient dns;
    private final List<String> zones;

    public DnsblChecker(DnsClient dns, List<String> zones) {
        this.dns = dns;
        this.zones = List.copyOf(zones);
    }

    public boolean hasZones() {
        return !zones.isEmpty();
    }

    /**
     * The zones that list the address; empty for IPv6 addresses (not looked up). Whether private or trusted
     * addresses are worth asking about is the caller's decision.
     *
     * @throws IOException a zone did not answer (timeout, SERVFAIL): the caller has no opinion
     */
    public List<String> listedIn(String ip) throws IOException {
        List<String> listed = new ArrayList<>();
        String reversed = reversedOctets(ip);
        if (reversed.isEmpty()) {
            return listed;
        }
        for (String zone : zones) {
            List<String> answers = dns.a(reversed + "." + zone);
            // 127.0.0.x answers mean "listed"; 127.255.255.x are the lists' own error codes (e.g. refused resolver)
            if (answers.stream().anyMatch(a -> a.startsWith("127.") && !a.startsWith("127.255.255."))) {
                listed.add(zone);
            }
        }
        return listed;
    }

    static String reversedOctets(String ip) {
        String[] octets = ip == null ? new String[0] : ip.split("\\.");
        if (octets.length != 4) {
            return "";   // IPv6 DNSBL lookups are not done
        }
        return octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0];
    }

    public static boolean isPrivateOrLoopback(String ip) {
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

package vn.govmail.spamfilter.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.govmail.spamfilter.dns.DnsClient;

/**
 * DNS blocklist lookups of a client address in the configured zones (RFC 5782): IPv4 with its octets reversed
 * ({@code 4.3.2.1.zone A?}), IPv6 with its 32 nibbles reversed ({@code 1.0.0.0…8.b.d.0.1.0.0.2.zone A?}).
 */
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
     * The zones that list the address; empty for something that is not an IP address. Whether private or trusted
     * addresses are worth asking about is the caller's decision.
     *
     * @throws IOException a zone did not answer (timeout, SERVFAIL): the caller has no opinion
     */
    public List<String> listedIn(String ip) throws IOException {
        List<String> listed = new ArrayList<>();
        String reversed = queryName(ip);
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

    /** The address as a DNSBL query label sequence, or "" for something that is not an IP address literal. */
    static String queryName(String ip) {
        if (ip == null || ip.isBlank()) {
            return "";
        }
        if (!ip.contains(":")) {
            String[] octets = ip.split("\\.");
            if (octets.length != 4 || !Arrays.stream(octets).allMatch(o -> o.matches("\\d{1,3}") && Integer.parseInt(o) < 256)) {
                return "";
            }
            return octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0];
        }
        String literal = ip.replaceFirst("%.*$", "");   // a zone (%eth0) is not part of the address
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            return "";
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(literal).getAddress();   // an IPv6 literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return "";
        }
        if (bytes.length == 4) {
            // Java reads ::ffff:a.b.c.d as the IPv4 client it is
            return (bytes[3] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[0] & 0xff);
        }
        StringBuilder name = new StringBuilder(63);
        for (int i = bytes.length - 1; i >= 0; i--) {
            name.append(Character.forDigit(bytes[i] & 0x0f, 16)).append('.').append(Character.forDigit((bytes[i] >> 4) & 0x0f, 16));
            if (i > 0) {
                name.append('.');
            }
        }
        return name.toString();
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

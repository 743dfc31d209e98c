package vn.govmail.spamfilter.check;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
        Optional<InetAddress> address = parseIpv6Literal(ip);
        if (address.isEmpty()) {
            return "";
        }
        byte[] bytes = address.get().getAddress();
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

    /**
     * Whether the address is one no public blocklist can know: loopback, private (10/8, 172.16/12, 192.168/16,
     * IPv6 unique-local fc00::/7 and the old site-local fec0::/10), link-local (169.254/16, fe80::/10), the unspecified
     * address, and any of these written as an IPv4-mapped IPv6 address. Every notation counts: Java writes the IPv6
     * loopback {@code 0:0:0:0:0:0:0:1}, not {@code ::1}. Something that is not an address literal is not private.
     */
    public static boolean isPrivateOrLoopback(String ip) {
        Optional<InetAddress> parsed = ip != null && ip.contains(":") ? parseIpv6Literal(ip) : parseIpv4Literal(ip);
        if (parsed.isEmpty()) {
            return false;
        }
        InetAddress address = parsed.get();
        boolean uniqueLocal = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
            || address.isAnyLocalAddress() || uniqueLocal;
    }

    private static Optional<InetAddress> parseIpv4Literal(String ip) {
        String name = queryName(ip);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ip));   // a dotted quad (checked above): parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An IPv6 literal (zone dropped) as parsed by Java, which reads ::ffff:a.b.c.d as the IPv4 address it is. */
    private static Optional<InetAddress> parseIpv6Literal(String ip) {
        String literal = ip.replaceFirst("%.*$", "");   // a zone (%eth0) is not part of the address
        if (!literal.contains(":") || !literal.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));   // an IPv6 literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

package vn.govmail.spamfilter.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which client addresses are never asked about at a DNSBL nor scored: those no public list can know, in any notation. */
class DnsblPrivateAddressTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.10.10", "0.0.0.0",
        "::1", "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1%0", "fe80::1", "fe80:0:0:0:0:0:0:1%eth0", "FE80::abcd",
        "fc00::1", "fd12:3456:789a::1", "FD00:0:0:0:0:0:0:1", "fec0::1", "::",
        "::ffff:10.0.0.1", "::ffff:192.168.0.9", "0:0:0:0:0:ffff:7f00:1"
    })
    void loopbackPrivateAndLinkLocalAddressesAreSkipped(String ip) {
        assertThat(DnsblChecker.isPrivateOrLoopback(ip)).as(ip).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "192.0.2.99", "8.8.8.8", "172.15.255.255", "172.32.0.1", "11.0.0.1", "2001:db8::1", "2606:4700::1111",
        "fb00::1", "fe00::1", "::ffff:192.0.2.99", "mail.example", "1.2.3", "300.1.1.1", "zz:1", ""
    })
    void publicAddressesAndNonsenseAreNotSkipped(String ip) {
        assertThat(DnsblChecker.isPrivateOrLoopback(ip)).as(ip).isFalse();
    }
}

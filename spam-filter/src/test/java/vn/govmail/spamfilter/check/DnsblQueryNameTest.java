package vn.govmail.spamfilter.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The DNSBL query names of RFC 5782 §2.1 (IPv4) and §2.4 (IPv6, nibbles), from the RFC's own examples. */
class DnsblQueryNameTest {
    @Test
    void ipv4IsAskedWithItsOctetsReversed() {
        assertThat(DnsblChecker.queryName("192.0.2.99")).isEqualTo("99.2.0.192");
    }

    @Test
    void ipv6IsAskedWithItsThirtyTwoNibblesReversedWhateverTheNotation() {
        String expected = "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2";
        assertThat(DnsblChecker.queryName("2001:db8:1:2:3:4:567:89ab")).isEqualTo("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2");
        assertThat(DnsblChecker.queryName("2001:db8::567:89ab")).isEqualTo(expected);
        assertThat(DnsblChecker.queryName("2001:DB8:0:0:0:0:567:89AB")).isEqualTo(expected);
        assertThat(DnsblChecker.queryName("2001:db8::567:89ab%eth0")).isEqualTo(expected);
        assertThat(expected.split("\\.")).hasSize(32);
    }

    @Test
    void anIpv4MappedAddressIsAskedAsIpv4AndNonsenseIsNotAskedAtAll() {
        assertThat(DnsblChecker.queryName("::ffff:192.0.2.99")).isEqualTo("99.2.0.192");
        assertThat(DnsblChecker.queryName("mail.example")).isEmpty();
        assertThat(DnsblChecker.queryName("1.2.3")).isEmpty();
        assertThat(DnsblChecker.queryName("zz:1")).isEmpty();
        assertThat(DnsblChecker.queryName("300.1.1.1")).isEmpty();
        assertThat(DnsblChecker.queryName("")).isEmpty();
    }
}

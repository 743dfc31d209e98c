package vn.govmail.mailserver.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedNetworksTest {
    private final TrustedNetworks networks = TrustedNetworks.parse(List.of("127.0.0.0/8", "::1/128", "10.20.0.0/16", "192.0.2.7"));

    @Test
    void addressesInsideTheBlocksAreTrusted() throws Exception {
        assertThat(networks.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(networks.contains(InetAddress.getByName("127.255.1.3"))).isTrue();
        assertThat(networks.contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(networks.contains(InetAddress.getByName("10.20.255.1"))).isTrue();
        assertThat(networks.contains(InetAddress.getByName("192.0.2.7"))).isTrue();
    }

    @Test
    void othersAreNot() throws Exception {
        assertThat(networks.contains(InetAddress.getByName("10.21.0.1"))).isFalse();
        assertThat(networks.contains(InetAddress.getByName("192.0.2.8"))).isFalse();
        assertThat(networks.contains(InetAddress.getByName("2001:db8::1"))).isFalse();
        assertThat(TrustedNetworks.parse(List.of("127.0.0.1/32")).contains(InetAddress.getByName("127.0.0.3"))).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedWithTheEntryNamed() {
        assertThatThrownBy(() -> TrustedNetworks.parse(List.of("relay.laichau.gov.vn")))
            .hasMessageContaining("'relay.laichau.gov.vn' is not an IP address");
        assertThatThrownBy(() -> TrustedNetworks.parse(List.of("10.0.0.0/33"))).hasMessageContaining("bad prefix length");
    }
}

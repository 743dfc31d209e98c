package vn.govmail.mailserver.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingSyntaxFilterTest {
    @ParameterizedTest
    @ValueSource(strings = {"TO:<@a.org,@b.org:user@c.org>", "TO:<user%other.org@demo.gov.vn>", "TO:<other.org!user@demo.gov.vn>",
        "TO:<\"user@other.org\"@demo.gov.vn>", "to:<\"a b\"@demo.gov.vn> NOTIFY=NEVER"})
    void routingSyntaxIsDetected(String argument) {
        assertThat(RoutingSyntaxFilter.addressOf(argument)).hasValueSatisfying(address ->
            assertThat(RoutingSyntaxFilter.usesRoutingSyntax(address)).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TO:<nguyenvana@demo.gov.vn>", "TO:<van.thu-so_tt@laichau.gov.vn> NOTIFY=SUCCESS", "TO:<postmaster>"})
    void ordinaryAddressesPass(String argument) {
        assertThat(RoutingSyntaxFilter.addressOf(argument)).hasValueSatisfying(address ->
            assertThat(RoutingSyntaxFilter.usesRoutingSyntax(address)).isFalse());
    }
}

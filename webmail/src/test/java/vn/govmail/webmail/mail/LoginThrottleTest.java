package vn.govmail.webmail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void fiveFailuresLockTheAccountAndTheAddressForTheWindow() {
        LoginThrottle throttle = new LoginThrottle(Duration.ofMinutes(15), clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(throttle.waitBefore("a@demo.gov.vn", "10.0.0.1")).isZero();
            throttle.failed("a@demo.gov.vn", "10.0.0.1");
            now = now.plusSeconds(1);
        }
        assertThat(throttle.waitBefore("A@demo.gov.vn", "10.9.9.9")).isPositive();
        assertThat(throttle.waitBefore("b@demo.gov.vn", "10.0.0.1")).isPositive();
        assertThat(throttle.waitBefore("b@demo.gov.vn", "10.0.0.2")).isZero();
        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.waitBefore("a@demo.gov.vn", "10.0.0.1")).isZero();
    }
}

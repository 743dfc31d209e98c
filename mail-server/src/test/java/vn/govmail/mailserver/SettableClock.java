package vn.govmail.mailserver;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand (time-to-live of the caches). */
public final class SettableClock extends Clock {
    public Instant now = Instant.parse("2026-11-21T08:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

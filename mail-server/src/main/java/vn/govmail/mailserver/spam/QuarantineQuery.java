package vn.govmail.mailserver.spam;

import java.time.Instant;
import java.util.Optional;

/**
 * Which quarantined mail to list: pending for this user (an address) or for someone in this domain, quarantined in
 * [{@code since}, {@code before}), newest first, {@code limit} entries from {@code offset}.
 */
public record QuarantineQuery(Optional<String> user, Optional<String> domain, Optional<Instant> since, Optional<Instant> before,
                              int offset, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public QuarantineQuery {
        user = user.map(QuarantineReleases::normalise);
        domain = domain.map(QuarantineReleases::normalise);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The first page of everything pending for this user. */
    public static QuarantineQuery forUser(String user) {
        return new QuarantineQuery(Optional.of(user), Optional.empty(), Optional.empty(), Optional.empty(), 0, DEFAULT_LIMIT);
    }

    QuarantineQuery next() {
        return new QuarantineQuery(user, domain, since, before, offset + limit, limit);
    }
}

package vn.govmail.mailserver.spam;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import spark.Request;
import spark.Response;
import vn.govmail.mailserver.admin.AdminErrors;

/**
 * The paging and date parameters of the quarantine listings ({@code /govmail/quarantine}, {@code /govmail/me/quarantine}):
 * {@code offset} (0), {@code limit} (100, at most 1000), {@code since} and {@code before}, each an instant
 * ({@code 2026-11-22T01:00:00Z}) or a day ({@code 2026-11-22}, from midnight Vietnam time). The answer stays a JSON
 * array, newest first; the number of matching entries is in the {@code X-Total-Count} header.
 */
final class QuarantinePaging {
    static final String TOTAL_HEADER = "X-Total-Count";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private QuarantinePaging() {
    }

    static QuarantineQuery query(Request request, Optional<String> user, Optional<String> domain) {
        try {
            return new QuarantineQuery(user, domain, time(request, "since"), time(request, "before"),
                number(request, "offset", 0), number(request, "limit", QuarantineQuery.DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
    }

    /** The page's entries, with the total in the header. */
    static List<Quarantine.Entry> answer(QuarantineIndex.Page page, Response response) {
        response.header(TOTAL_HEADER, Long.toString(page.total()));
        return page.entries();
    }

    static Optional<String> parameter(Request request, String name) {
        return Optional.ofNullable(request.queryParams(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int number(Request request, String name, int absent) {
        Optional<String> text = parameter(request, name);
        try {
            return text.map(Integer::parseInt).orElse(absent);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text.get() + "' is not a whole number");
        }
    }

    private static Optional<Instant> time(Request request, String name) {
        Optional<String> text = parameter(request, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(text.get().contains("T") ? Instant.parse(text.get()) : LocalDate.parse(text.get()).atStartOfDay(VIETNAM).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text.get() + "' is neither a day (2026-11-22) nor an instant (2026-11-22T01:00:00Z)");
        }
    }
}

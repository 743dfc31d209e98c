package vn.govmail.mailserver.userapi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.search.SearchComponents;
import vn.govmail.mailserver.search.UserMailSearch;
import vn.govmail.mailserver.search.UserSearchCriteria;

/**
 * {@code GET /govmail/me/search}: the signed-in user's search of their own mail, ranked by relevance, with a
 * highlighted snippet per hit (see docs/search.md for the parameters and the answer). One call covers every folder
 * (Trash and Junk only when {@code trashAndJunk=true}) or the one {@code folder} given.
 */
public class UserSearchRoutes implements Routes {
    static final String PATH = UserSessionTokens.PREFIX + "/search";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Matches looked at per search are bounded (RankedSearch); offsets beyond them would be empty pages anyway. */
    static final int MAX_OFFSET = 1_900;
    static final int MAX_TEXT = 200;
    /** Plain dates are days in Vietnam's time zone; clients in another zone send instants. */
    static final ZoneId DATE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Set<String> PARAMETERS = Set.of("q", "from", "to", "subject", "body", "after", "before",
        "hasAttachment", "folder", "trashAndJunk", "limit", "offset");

    private final SearchComponents search;
    private final JsonTransformer json;

    @Inject
    public UserSearchRoutes(SearchComponents search, JsonTransformer json) {
        this.search = search;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return PATH;
    }

    @Override
    public void define(Service service) {
        service.get(PATH, this::search, json);
    }

    private Object search(Request request, Response response) throws Exception {
        Username user = SessionUser.of(request);
        for (String name : request.queryParams()) {
            if (!PARAMETERS.contains(name)) {
                throw AdminErrors.badRequest("Unknown parameter '" + name + "'; known: " + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        UserSearchCriteria criteria = criteria(request);
        int limit = number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = number(request, "offset", 0, 0, MAX_OFFSET);
        UserMailSearch.Page page;
        try {
            page = search.userMailSearch().search(user, criteria, offset, limit);
        } catch (UserMailSearch.UnknownFolderException e) {
            throw AdminErrors.notFound(e.getMessage());
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        for (UserMailSearch.Hit hit : page.hits()) {
            hits.add(describe(hit));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("offset", offset);
        answer.put("limit", limit);
        answer.put("more", page.more());
        answer.put("hits", hits);
        return answer;
    }

    static UserSearchCriteria criteria(Request request) {
        UserSearchCriteria criteria = new UserSearchCriteria(text(request, "q"), text(request, "from"), text(request, "to"),
            text(request, "subject"), text(request, "body"), instant(request, "after", false), instant(request, "before", true),
            bool(request, "hasAttachment"), Optional.ofNullable(text(request, "folder")), bool(request, "trashAndJunk"));
        if (!criteria.hasText()) {
            throw AdminErrors.badRequest("Give something to search: at least one of q, from, to, subject, body");
        }
        if (criteria.after() != null && criteria.before() != null && !criteria.after().isBefore(criteria.before())) {
            throw AdminErrors.badRequest("'after' must be earlier than 'before'");
        }
        if (criteria.folder().isPresent() && criteria.includeTrashAndJunk()) {
            throw AdminErrors.badRequest("Give 'folder' or 'trashAndJunk', not both");
        }
        return criteria;
    }

    private static String text(Request request, String name) {
        String value = request.queryParams(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw AdminErrors.badRequest("'" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    /**
     * An instant ({@code 2026-11-01T00:00:00Z}) or a day ({@code 2026-11-01}, Vietnam time): {@code after} a day
     * starts at its midnight, {@code before} a day includes that day.
     */
    private static Instant instant(Request request, String name, boolean endOfDay) {
        String value = request.queryParams(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.strip().length() == 10) {
                LocalDate day = LocalDate.parse(value.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(DATE_ZONE).toInstant();
            }
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw AdminErrors.badRequest("'" + name + "' must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z), not '" + value + "'");
        }
    }

    private static boolean bool(Request request, String name) {
        String value = request.queryParams(name);
        if (value == null || value.isBlank() || value.strip().equals("false")) {
            return false;
        }
        if (value.strip().equals("true")) {
            return true;
        }
        throw AdminErrors.badRequest("'" + name + "' must be true or false, not '" + value + "'");
    }

    private static int number(Request request, String name, int defaultValue, int min, int max) {
        String value = request.queryParams(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AdminErrors.badRequest("'" + name + "' must be a number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static Map<String, Object> describe(UserMailSearch.Hit hit) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("folder", hit.folder());
        item.put("uid", hit.uid());
        item.put("uidValidity", hit.uidValidity());
        item.put("from", hit.from());
        item.put("subject", hit.subject());
        item.put("date", hit.date().toString());
        item.put("size", hit.size());
        item.put("flags", hit.flags());
        item.put("hasAttachment", hit.hasAttachment());
        item.put("score", hit.score());
        item.put("snippet", hit.snippet());
        item.put("highlights", hit.highlights().stream().map(range -> List.of(range[0], range[1])).toList());
        item.put("snippetHtml", hit.snippetHtml());
        return item;
    }
}

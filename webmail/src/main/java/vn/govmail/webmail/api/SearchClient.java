package vn.govmail.webmail.api;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import vn.govmail.webmail.mail.MessageSummary;
import vn.govmail.webmail.mail.SearchCriteria;
import vn.govmail.webmail.mail.SearchHit;
import vn.govmail.webmail.mail.SearchSnippet;
import vn.govmail.webmail.mail.TextDecoding;

/**
 * The mail server's search ({@code GET /govmail/me/search}): every folder in one call, ranked by relevance, each hit
 * with a highlighted snippet. Only for criteria with some text (sender, recipient, subject, body or free text): the
 * server refuses date- or attachment-only searches, which IMAP SEARCH answers.
 */
public final class SearchClient {
    /** Hits asked for (the server allows 100): each is read back from the mailbox store, so a screenful, not more. */
    public static final int LIMIT = 50;
    private final UserApiSession api;
    private final ZoneId zone;

    public SearchClient(UserApiSession api, ZoneId zone) {
        this.api = api;
        this.zone = zone;
    }

    public static boolean canAnswer(SearchCriteria c) {
        return !blank(c.text()) || !blank(c.from()) || !blank(c.to()) || !blank(c.subject()) || !blank(c.body());
    }

    public List<SearchHit> search(SearchCriteria criteria) throws PlatformApiException {
        JsonNode answer = api.get("govmail/me/search?" + query(criteria, zone));
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits")) {
            hits.add(hit(hit));
        }
        return hits;
    }

    /** Days are the user's (this webmail's zone): after = from that day's midnight, before = up to the end of that day. */
    static String query(SearchCriteria c, ZoneId zone) {
        StringJoiner query = new StringJoiner("&");
        add(query, "q", c.text());
        add(query, "from", c.from());
        add(query, "to", c.to());
        add(query, "subject", c.subject());
        add(query, "body", c.body());
        if (c.after() != null) {
            add(query, "after", startOf(c.after(), zone).toString());
        }
        if (c.before() != null) {
            add(query, "before", startOf(c.before().plusDays(1), zone).toString());
        }
        if (c.hasAttachment()) {
            add(query, "hasAttachment", "true");
        }
        add(query, "folder", c.folder());
        add(query, "limit", Integer.toString(LIMIT));
        return query.toString();
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (!blank(value)) {
            query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static SearchHit hit(JsonNode hit) {
        List<String> flags = new ArrayList<>();
        hit.path("flags").forEach(flag -> flags.add(flag.asString()));
        MessageSummary message = new MessageSummary(hit.path("uid").asLong(), displayName(hit.path("from").asString()), "",
            hit.path("subject").asString(), Date.from(Instant.parse(hit.path("date").asString())), hit.path("size").asLong(),
            flags.contains("\\Seen"), flags.contains("\\Flagged"), flags.contains("\\Answered"), hit.path("hasAttachment").asBoolean());
        List<int[]> highlights = new ArrayList<>();
        hit.path("highlights").forEach(range -> highlights.add(new int[] {range.path(0).asInt(), range.path(1).asInt()}));
        String snippet = hit.path("snippet").asString();
        return new SearchHit(hit.path("folder").asString(), message, snippet.isEmpty() ? null : new SearchSnippet(snippet, highlights));
    }

    /** The sender as the message list shows it: the name when there is one, else the address. */
    static String displayName(String from) {
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            if (addresses.length > 0) {
                String personal = addresses[0].getPersonal();
                return personal != null && !personal.isBlank() ? TextDecoding.normalize(personal) : addresses[0].getAddress();
            }
        } catch (AddressException e) {
            // shown as the server gave it
        }
        return from;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

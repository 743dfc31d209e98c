package vn.govmail.webmail.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import vn.govmail.webmail.mail.AddressSuggestions.Suggestion;

/** The province directory of the mail server ({@code GET /govmail/me/directory}) for the compose autocomplete. */
public final class DirectoryClient {
    private static final Logger LOGGER = LoggerFactory.getLogger(DirectoryClient.class);
    private final UserApiSession api;

    public DirectoryClient(UserApiSession api) {
        this.api = api;
    }

    /** Matches of the query; none (and a log line) when the mail server's API cannot answer: typing goes on. */
    public List<Suggestion> search(String query, int limit) {
        List<Suggestion> found = new ArrayList<>();
        try {
            JsonNode rows = api.get("govmail/me/directory?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&limit=" + Math.clamp(limit, 1, 50));
            for (JsonNode row : rows) {
                found.add(Suggestion.of(row.path("address").asString(), text(row, "name"), text(row, "unit"), text(row, "title"),
                    row.path("kind").asString()));
            }
        } catch (PlatformApiException e) {
            LOGGER.warn("directory search failed: {}", e.getMessage());
        }
        return found;
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isString() ? value.asString() : null;
    }
}

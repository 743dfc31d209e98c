package vn.govmail.webmail.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The logged-in user's quarantine (mail the server's spam filter held back for them), through the user API:
 * list, text preview, release into the inbox (once), delete.
 */
public final class QuarantineService {
    private static final String BASE = "govmail/me/quarantine";

    /** One held-back mail: {@code from} is its From header, {@code sender} the envelope sender. */
    public record QuarantinedMail(String id, String from, String sender, String subject, String score, List<String> reasons, Instant quarantinedAt) {
    }

    /** What the server shows of a held-back mail: text only, never its HTML. */
    public record Preview(QuarantinedMail mail, String from, String to, String date, String replyTo, String text,
                          boolean truncated, List<String> attachments) {
    }

    private final UserApiSession api;

    public QuarantineService(UserApiSession api) {
        this.api = api;
    }

    public List<QuarantinedMail> list() throws PlatformApiException {
        List<QuarantinedMail> mails = new ArrayList<>();
        for (JsonNode entry : api.get(BASE)) {
            mails.add(mail(entry));
        }
        return mails;
    }

    public Preview preview(String id) throws PlatformApiException {
        JsonNode preview = api.get(BASE + "/" + segment(id));
        return new Preview(mail(preview.path("entry")), text(preview, "from"), text(preview, "to"), text(preview, "date"),
            text(preview, "replyTo"), text(preview, "text"), preview.path("truncated").asBoolean(false), strings(preview.path("attachments")));
    }

    /** Delivers it to the user's inbox; a second release answers 409 (already released). */
    public void release(String id) throws PlatformApiException {
        api.call("POST", BASE + "/" + segment(id) + "/release", null);
    }

    public void delete(String id) throws PlatformApiException {
        api.call("DELETE", BASE + "/" + segment(id), null);
    }

    private static QuarantinedMail mail(JsonNode entry) {
        String at = text(entry, "quarantinedAt");
        return new QuarantinedMail(text(entry, "key"), text(entry, "from"), text(entry, "sender"), text(entry, "subject"), text(entry, "score"),
            strings(entry.path("reasons")), at.isEmpty() ? null : Instant.parse(at));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

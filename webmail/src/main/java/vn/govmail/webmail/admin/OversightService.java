package vn.govmail.webmail.admin;

import static vn.govmail.webmail.admin.ApiPaths.number;
import static vn.govmail.webmail.admin.ApiPaths.segment;
import static vn.govmail.webmail.admin.ApiPaths.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.api.UserApiSession;

/** What the console shows of a domain's life: its spam quarantine (release, delete) and the usage reports. */
public final class OversightService {
    /** Mail held back by the spam filter for {@code recipients} (those not yet handled). */
    public record HeldMail(String key, String sender, String from, List<String> recipients, String subject, String score,
                           List<String> reasons, Instant quarantinedAt) {
    }

    /** A report line: a domain or a unit (with its sub-units). */
    public record UsageRow(String name, long accounts, long active30Days, long storageBytes, long messages) {
    }

    /** One of the largest mailboxes. */
    public record Mailbox(String address, String displayName, String unit, long storageBytes, long messages, String lastLogin) {
    }

    private final UserApiSession api;

    public OversightService(UserApiSession api) {
        this.api = api;
    }

    public List<HeldMail> quarantine(String domain) throws PlatformApiException {
        List<HeldMail> mails = new ArrayList<>();
        for (JsonNode entry : api.get("govmail/quarantine?domain=" + segment(domain))) {
            String at = text(entry, "quarantinedAt");
            mails.add(new HeldMail(text(entry, "key"), text(entry, "sender"), text(entry, "from"), strings(entry.path("recipients")),
                text(entry, "subject"), text(entry, "score"), strings(entry.path("reasons")), at.isEmpty() ? null : Instant.parse(at)));
        }
        return mails;
    }

    /** Delivers it to its pending recipients, once (409 afterwards). */
    public void release(String key) throws PlatformApiException {
        api.call("POST", "govmail/quarantine/" + segment(key) + "/release", null);
    }

    public void delete(String key) throws PlatformApiException {
        api.call("DELETE", "govmail/quarantine/" + segment(key), null);
    }

    public List<UsageRow> domains() throws PlatformApiException {
        return usage(api.get("govmail/reports/domains"), "domain");
    }

    public List<UsageRow> units(String domain) throws PlatformApiException {
        return usage(api.get("govmail/reports/units" + (domain == null || domain.isBlank() ? "" : "?domain=" + segment(domain))), "unit");
    }

    public List<Mailbox> largest(String domain, int limit) throws PlatformApiException {
        List<Mailbox> rows = new ArrayList<>();
        String filter = domain == null || domain.isBlank() ? "" : "&domain=" + segment(domain);
        for (JsonNode row : api.get("govmail/reports/top?limit=" + limit + filter)) {
            rows.add(new Mailbox(text(row, "username"), text(row, "displayName"), text(row, "unit"), number(row, "storageBytes"),
                number(row, "messages"), text(row, "lastLogin")));
        }
        return rows;
    }

    private static List<UsageRow> usage(JsonNode report, String key) {
        List<UsageRow> rows = new ArrayList<>();
        for (JsonNode row : report) {
            rows.add(new UsageRow(text(row, key), number(row, "accounts"), number(row, "active30Days"), number(row, "storageBytes"),
                number(row, "messages")));
        }
        return rows;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}

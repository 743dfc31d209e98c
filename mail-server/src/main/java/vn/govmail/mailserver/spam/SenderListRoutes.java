package vn.govmail.mailserver.spam;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.spamfilter.lists.ListEntry;
import vn.govmail.spamfilter.lists.SenderLists;

/**
 * Allow/block lists of the spam filter (admin token, audited like every changing WebAdmin request). The owner is
 * a user address, one of our domains, or {@code global}; the sender pattern an address or {@code @domain}
 * (that domain and its subdomains). The user's list beats the domain's, which beats the global one.
 * <ul>
 * <li>{@code GET /govmail/spam/lists/{owner}}</li>
 * <li>{@code PUT /govmail/spam/lists/{owner}/allow/{pattern}}, {@code PUT …/block/{pattern}}</li>
 * <li>{@code DELETE /govmail/spam/lists/{owner}/{pattern}} (404 if it was not listed)</li>
 * </ul>
 */
public class SenderListRoutes implements Routes {
    private static final String BASE = "/govmail/spam/lists";
    private static final String GLOBAL = "global";

    private final SpamFilterService spamFilter;
    private final DomainList domains;
    private final JsonTransformer json;

    @Inject
    public SenderListRoutes(SpamFilterService spamFilter, DomainList domains, JsonTransformer json) {
        this.spamFilter = spamFilter;
        this.domains = domains;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE + "/:owner", this::list, json);
        service.put(BASE + "/:owner/allow/:pattern", (request, response) -> add(request, true), json);
        service.put(BASE + "/:owner/block/:pattern", (request, response) -> add(request, false), json);
        service.delete(BASE + "/:owner/:pattern", this::remove, json);
    }

    private List<Map<String, String>> list(Request request, Response response) throws Exception {
        return lists().list(owner(request)).stream().map(SenderListRoutes::describe).toList();
    }

    private Map<String, String> add(Request request, boolean allow) throws Exception {
        ListEntry entry = new ListEntry(owner(request), pattern(request), allow);
        lists().add(entry);
        return describe(entry);
    }

    private Object remove(Request request, Response response) throws Exception {
        String owner = owner(request);
        String pattern = pattern(request);
        if (!lists().remove(owner, pattern)) {
            throw AdminErrors.notFound(pattern + " is not on the list of " + shown(owner));
        }
        response.status(204);
        return "";
    }

    private SenderLists lists() {
        return spamFilter.filter().senderLists();
    }

    private static Map<String, String> describe(ListEntry entry) {
        return Map.of("owner", shown(entry.owner()), "pattern", entry.pattern(), "action", entry.allow() ? "allow" : "block");
    }

    private static String shown(String owner) {
        return owner.equals("*") ? GLOBAL : owner;
    }

    /** "global" → "*", else a user address or a domain that we host. */
    private String owner(Request request) throws Exception {
        String owner = request.params("owner").trim().toLowerCase(Locale.ROOT);
        if (owner.equals(GLOBAL)) {
            return "*";
        }
        String domain = owner.contains("@") ? address(owner, "owner").getDomain().asString() : domainName(owner, "owner");
        if (!domains.containsDomain(Domain.of(domain))) {
            throw AdminErrors.badRequest("owner '" + owner + "' is not in one of our domains (use a user address, a domain we host, or 'global')");
        }
        return owner;
    }

    private static String pattern(Request request) {
        String pattern = request.params("pattern").trim().toLowerCase(Locale.ROOT);
        if (pattern.startsWith("@")) {
            return "@" + domainName(pattern.substring(1), "sender");
        }
        return address(pattern, "sender").asString();
    }

    private static MailAddress address(String text, String what) {
        try {
            return new MailAddress(text);
        } catch (Exception e) {
            throw AdminErrors.badRequest(what + " '" + text + "' is not a mail address (a sender may also be @domain)");
        }
    }

    private static String domainName(String text, String what) {
        try {
            if (!text.contains(".")) {
                throw new IllegalArgumentException("no dot");
            }
            return Domain.of(text).asString();
        } catch (Exception e) {
            throw AdminErrors.badRequest(what + " '" + text + "' is not a domain name");
        }
    }

}

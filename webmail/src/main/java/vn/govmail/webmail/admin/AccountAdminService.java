package vn.govmail.webmail.admin;

import static vn.govmail.webmail.admin.ApiPaths.number;
import static vn.govmail.webmail.admin.ApiPaths.segment;
import static vn.govmail.webmail.admin.ApiPaths.text;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.api.UserApiSession;

/**
 * Domains and accounts for the admin console, over the administrator's own user-API session (the server accepts it
 * on these admin routes only for accounts with the administrator role; it audits each change as that account).
 */
public final class AccountAdminService {
    public record Account(String address, String displayName, String title, String unit, boolean disabled,
                          boolean administrator, long storageBytes, long messages) {
    }

    public record AccountPage(int total, List<Account> accounts) {
    }

    /** A new account's profile; {@code title} and {@code unit} (a unit path) may be blank. */
    public record NewAccount(String address, String displayName, String title, String unit) {
    }

    /** Usage and the storage limit that applies ({@code storageLimit} null: unlimited). */
    public record Quota(Long storageLimit, long storageUsed, long messages) {
    }

    private final UserApiSession api;

    public AccountAdminService(UserApiSession api) {
        this.api = api;
    }

    /** Whether the signed-in account has the administrator role (the console is shown only then). */
    public boolean isAdministrator() throws PlatformApiException {
        return api.get("govmail/me").path("administrator").asBoolean(false);
    }

    public List<String> domains() throws PlatformApiException {
        List<String> domains = new ArrayList<>();
        for (JsonNode domain : api.get("domains")) {
            domains.add(domain.isString() ? domain.asString() : text(domain, "name"));
        }
        return domains;
    }

    public void addDomain(String domain) throws PlatformApiException {
        api.call("PUT", "domains/" + segment(domain.strip()), null);
    }

    /** One page in address order; {@code query} matches address, name or title without regard to accents. */
    public AccountPage accounts(String domain, String query, int offset, int limit) throws PlatformApiException {
        StringBuilder path = new StringBuilder("govmail/accounts?offset=").append(offset).append("&limit=").append(limit);
        if (domain != null && !domain.isBlank()) {
            path.append("&domain=").append(segment(domain));
        }
        if (query != null && !query.isBlank()) {
            path.append("&q=").append(segment(query.strip()));
        }
        JsonNode page = api.get(path.toString());
        List<Account> accounts = new ArrayList<>();
        for (JsonNode row : page.path("accounts")) {
            accounts.add(new Account(text(row, "address"), text(row, "displayName"), text(row, "title"), text(row, "unit"),
                row.path("disabled").asBoolean(false), row.path("administrator").asBoolean(false), number(row, "storageBytes"),
                number(row, "messages")));
        }
        return new AccountPage(page.path("total").asInt(0), accounts);
    }

    /**
     * Creates the account with a generated password, its default folders and its profile.
     *
     * @return the password, to be shown once to the administrator (the server keeps only its hash)
     */
    public String create(NewAccount account) throws PlatformApiException {
        String address = account.address().strip();
        String password = InitialPassword.generate();
        api.call("PUT", "users/" + segment(address), UserApiSession.object().put("password", password));
        api.call("POST", "govmail/users/" + segment(address) + "/folders", null);
        ObjectNode profile = UserApiSession.object().put("displayName", account.displayName().strip());
        if (!account.title().isBlank()) {
            profile.put("title", account.title().strip());
        }
        if (!account.unit().isBlank()) {
            profile.put("unit", account.unit().strip());
        }
        api.call("PUT", "govmail/users/" + segment(address) + "/profile", profile);
        return password;
    }

    public void setDisabled(String address, boolean disabled) throws PlatformApiException {
        api.call("POST", "govmail/users/" + segment(address) + (disabled ? "/disable" : "/enable"), null);
    }

    /** Sets a new generated password (ending a forced change and the account's sessions); returns it, to show once. */
    public String resetPassword(String address) throws PlatformApiException {
        String password = InitialPassword.generate();
        api.call("POST", "govmail/users/" + segment(address) + "/reset-password", UserApiSession.object().put("password", password));
        return password;
    }

    public Quota quota(String address) throws PlatformApiException {
        JsonNode quota = api.get("quota/users/" + segment(address));
        JsonNode limit = quota.path("computed").path("size");
        Long storageLimit = limit.isNumber() && limit.asLong() >= 0 ? limit.asLong() : null;
        return new Quota(storageLimit, number(quota.path("occupation"), "size"), number(quota.path("occupation"), "count"));
    }

    /** The account's own storage limit in bytes; {@code null} goes back to the domain's (or global) limit. */
    public void setStorageLimit(String address, Long bytes) throws PlatformApiException {
        String path = "quota/users/" + segment(address) + "/size";
        if (bytes == null) {
            api.call("DELETE", path, null);
        } else {
            api.call("PUT", path, tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(bytes));
        }
    }
}

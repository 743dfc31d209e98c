package vn.govmail.mailserver.administrators;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin routes an administrator's user-API session (the webmail's "Quản trị" console) may call: day-to-day
 * account, alias, group, quarantine and report work. Everything else stays with the admin token of the IT center's
 * server (granting administrators, deleting accounts or domains, DKIM, queues, server settings, the audit log).
 * Paths are WebAdmin's decoded paths; a segment is anything without a slash.
 */
public final class AdminConsoleScope {
    private record Rule(Set<String> methods, Pattern path) {
    }

    private static final String SEGMENT = "[^/]+";
    private static final List<Rule> RULES = List.of(
        rule("GET", "/domains"),
        rule("PUT", "/domains/" + SEGMENT),
        rule("GET", "/govmail/accounts"),
        rule("PUT", "/users/" + SEGMENT), // creation only: see passwordRefusal
        rule("POST", "/govmail/users/" + SEGMENT + "/(folders|disable|enable|reset-password)"),
        rule("PUT", "/govmail/users/" + SEGMENT + "/profile"),
        rule("PUT DELETE", "/govmail/users/" + SEGMENT + "/unit"),
        rule("GET", "/quota/users/" + SEGMENT),
        rule("PUT DELETE", "/quota/users/" + SEGMENT + "/(size|count)"),
        rule("GET", "/address/aliases(/" + SEGMENT + ")?"),
        rule("PUT DELETE", "/address/aliases/" + SEGMENT + "/sources/" + SEGMENT),
        rule("GET", "/govmail/groups(/" + SEGMENT + ")?"),
        rule("PUT DELETE", "/govmail/groups/" + SEGMENT),
        rule("POST DELETE", "/govmail/groups/" + SEGMENT + "/members"),
        rule("GET", "/govmail/units"),
        rule("GET", "/govmail/quarantine"),
        rule("POST", "/govmail/quarantine/" + SEGMENT + "/release"),
        rule("DELETE", "/govmail/quarantine/" + SEGMENT),
        rule("GET", "/govmail/reports/(domains|units|top)"));

    private AdminConsoleScope() {
    }

    /**
     * James's {@code PUT /users/{user}?force} sets an existing account's password without ending its sessions; the
     * console resets passwords with {@code POST /govmail/users/{user}/reset-password}, which does. Without
     * {@code force} James's route only creates accounts (409 for an existing one), and that the console may do.
     */
    private static final Pattern JAMES_USER = Pattern.compile("/users/" + SEGMENT);
    private static final String JAMES_FORCE = "force";

    /** Why the console may not make this request, if it sets a password past {@code AccountPasswordChanger}. */
    public static Optional<String> passwordRefusal(String method, String path, Set<String> queryParameters) {
        if (method.equals("PUT") && JAMES_USER.matcher(path).matches() && queryParameters.contains(JAMES_FORCE)) {
            return Optional.of("The admin console may not set a password with PUT /users/{user}?force (it would keep the user's "
                + "sessions open): use POST /govmail/users/{user}/reset-password");
        }
        return Optional.empty();
    }

    public static boolean allows(String method, String path) {
        return RULES.stream().anyMatch(rule -> rule.methods().contains(method) && rule.path().matcher(path).matches());
    }

    private static Rule rule(String methods, String path) {
        return new Rule(Set.of(methods.split(" ")), Pattern.compile(path));
    }
}

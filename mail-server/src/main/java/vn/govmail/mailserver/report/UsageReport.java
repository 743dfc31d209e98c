package vn.govmail.mailserver.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;

import vn.govmail.mailserver.organisation.OrganisationStore;
import vn.govmail.mailserver.organisation.PeopleDirectory;
import vn.govmail.mailserver.organisation.Unit;
import vn.govmail.mailserver.organisation.UnitTree;

/**
 * Reports for the IT center, per domain and per unit: accounts, accounts active in the last 30 days (a
 * successful IMAP/ManageSieve login), storage used, and the largest mailboxes. One pass over all accounts.
 */
public class UsageReport {
    static final Duration ACTIVE_WINDOW = Duration.ofDays(30);
    static final String NO_UNIT = "(no unit)";

    private final UsersRepository users;
    private final OrganisationStore organisation;
    private final PeopleDirectory people;
    private final LastLoginStore logins;
    private final MailboxUsage usage;

    /** What the reports know about one account. */
    record Account(String username, String domain, Long unitId, MailboxUsage.Usage usage, Instant lastLogin) {
        boolean active(Instant since) {
            return lastLogin != null && lastLogin.isAfter(since);
        }
    }

    /** Running totals of one report row. */
    static final class Totals {
        long accounts;
        long active;
        long bytes;
        long messages;

        void add(Account account, Instant since) {
            accounts++;
            active += account.active(since) ? 1 : 0;
            bytes += account.usage().bytes();
            messages += account.usage().messages();
        }

        Map<String, Object> row(String key, String value) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(key, value);
            row.put("accounts", accounts);
            row.put("active30Days", active);
            row.put("storageBytes", bytes);
            row.put("messages", messages);
            return row;
        }
    }

    @Inject
    public UsageReport(UsersRepository users, OrganisationStore organisation, PeopleDirectory people, LastLoginStore logins,
                       MailboxUsage usage) {
        this.users = users;
        this.organisation = organisation;
        this.people = people;
        this.logins = logins;
        this.usage = usage;
    }

    public List<Map<String, Object>> byDomain() throws Exception {
        Instant since = Instant.now().minus(ACTIVE_WINDOW);
        Map<String, Totals> totals = new TreeMap<>();
        for (Account account : accounts(Optional.empty())) {
            totals.computeIfAbsent(account.domain(), domain -> new Totals()).add(account, since);
        }
        return totals.entrySet().stream().map(entry -> entry.getValue().row("domain", entry.getKey())).toList();
    }

    /** One row per unit, counting the unit and all its sub-units; accounts without a unit in a last row. */
    public List<Map<String, Object>> byUnit(Optional<String> domain) throws Exception {
        Instant since = Instant.now().minus(ACTIVE_WINDOW);
        UnitTree tree = organisation.tree();
        Map<Long, Totals> totals = new LinkedHashMap<>();
        tree.all().forEach(unit -> totals.put(unit.id(), new Totals()));
        Totals withoutUnit = new Totals();
        for (Account account : accounts(domain)) {
            Optional<Unit> unit = account.unitId() == null ? Optional.empty() : tree.get(account.unitId());
            if (unit.isEmpty()) {
                withoutUnit.add(account, since);
            }
            for (Optional<Unit> current = unit; current.isPresent();
                 current = current.get().parentId() == null ? Optional.empty() : tree.get(current.get().parentId())) {
                totals.get(current.get().id()).add(account, since);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Unit unit : tree.all()) {
            rows.add(totals.get(unit.id()).row("unit", tree.path(unit)));
        }
        rows.add(withoutUnit.row("unit", NO_UNIT));
        return rows;
    }

    /** The largest mailboxes, optionally of one domain and/or one unit (with its sub-units). */
    public List<Map<String, Object>> top(Optional<String> domain, Optional<Unit> unit, int limit) throws Exception {
        UnitTree tree = organisation.tree();
        Set<Long> units = unit.map(found -> tree.subtree(found.id())).orElse(null);
        List<Account> largest = accounts(domain).stream()
            .filter(account -> units == null || (account.unitId() != null && units.contains(account.unitId())))
            .sorted(Comparator.comparingLong((Account account) -> account.usage().bytes()).reversed().thenComparing(Account::username))
            .limit(limit)
            .toList();
        Map<String, PeopleDirectory.Person> names = people.find(largest.stream().map(Account::username).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Account account : largest) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("username", account.username());
            row.put("displayName", names.get(account.username()).displayName());
            row.put("unit", account.unitId() == null ? NO_UNIT : tree.get(account.unitId()).map(tree::path).orElse(NO_UNIT));
            row.put("storageBytes", account.usage().bytes());
            row.put("messages", account.usage().messages());
            row.put("lastLogin", account.lastLogin() == null ? null : account.lastLogin().toString());
            rows.add(row);
        }
        return rows;
    }

    private List<Account> accounts(Optional<String> domain) throws Exception {
        Map<String, Long> memberships = organisation.allMemberships();
        Map<String, MailboxUsage.Usage> usages = usage.byUser();
        Map<String, Instant> lastLogins = logins.all();
        List<Account> accounts = new ArrayList<>();
        for (Iterator<Username> iterator = users.list(); iterator.hasNext(); ) {
            Username user = iterator.next();
            String userDomain = user.getDomainPart().map(found -> found.asString()).orElse("");
            if (domain.isPresent() && !domain.get().equalsIgnoreCase(userDomain)) {
                continue;
            }
            String name = user.asString();
            accounts.add(new Account(name, userDomain, memberships.get(name), usages.getOrDefault(name, MailboxUsage.Usage.NONE),
                lastLogins.get(name)));
        }
        return accounts;
    }
}

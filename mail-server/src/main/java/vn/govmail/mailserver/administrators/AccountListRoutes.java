package vn.govmail.mailserver.administrators;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.admin.QueryNumbers;
import vn.govmail.mailserver.organisation.OrganisationStore;
import vn.govmail.mailserver.organisation.PeopleDirectory;
import vn.govmail.mailserver.organisation.UnitTree;
import vn.govmail.mailserver.organisation.VietnameseText;
import vn.govmail.mailserver.report.MailboxUsage;

/**
 * {@code GET /govmail/accounts?domain=&q=&offset=0&limit=50} → {@code {"total", "offset", "accounts": [{"address",
 * "displayName", "title", "unit", "disabled", "administrator", "storageBytes", "messages"}]}}: one page of the accounts
 * (in address order), optionally of one domain and matching {@code q} in the address, name or title without regard
 * to accents ("tran thi" finds "Trần Thị B"). The console's account list; James's {@code GET /users} has neither
 * paging nor names.
 */
public class AccountListRoutes implements Routes {
    public static final String PATH = "/govmail/accounts";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final UsersRepository users;
    private final PeopleDirectory people;
    private final OrganisationStore organisation;
    private final AccountStatusStore status;
    private final AdministratorStore administrators;
    private final MailboxUsage usage;
    private final JsonTransformer json;

    @Inject
    public AccountListRoutes(UsersRepository users, PeopleDirectory people, OrganisationStore organisation, AccountStatusStore status,
                             AdministratorStore administrators, MailboxUsage usage, JsonTransformer json) {
        this.users = users;
        this.people = people;
        this.organisation = organisation;
        this.status = status;
        this.administrators = administrators;
        this.usage = usage;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return PATH;
    }

    @Override
    public void define(Service service) {
        service.get(PATH, this::page, json);
    }

    private Object page(Request request, Response response) throws Exception {
        String domain = request.queryParams("domain");
        String query = request.queryParams("q") == null ? "" : request.queryParams("q");
        if (query.length() > 200) {
            throw AdminErrors.badRequest("The query is longer than 200 characters");
        }
        int offset = QueryNumbers.inRange(request.queryParams("offset"), "offset", 0, 0, Integer.MAX_VALUE);
        int limit = QueryNumbers.inRange(request.queryParams("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<String> names = new ArrayList<>();
        for (Iterator<Username> iterator = users.list(); iterator.hasNext(); ) {
            Username user = iterator.next();
            if (domain == null || domain.isBlank()
                || user.getDomainPart().map(part -> part.asString().equalsIgnoreCase(domain.strip())).orElse(false)) {
                names.add(user.asString());
            }
        }
        Map<String, PeopleDirectory.Person> profiles = people.find(names);
        String key = VietnameseText.searchKey(query);
        List<PeopleDirectory.Person> matching = names.stream().map(profiles::get).filter(person -> person.matches(key))
            .sorted(java.util.Comparator.comparing(PeopleDirectory.Person::username)).toList();
        List<PeopleDirectory.Person> shown = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", matching.size());
        answer.put("offset", offset);
        answer.put("accounts", describe(shown));
        return answer;
    }

    private List<Map<String, Object>> describe(List<PeopleDirectory.Person> shown) throws Exception {
        if (shown.isEmpty()) {
            return List.of();
        }
        UnitTree tree = organisation.tree();
        Map<String, Long> units = organisation.allMemberships();
        Map<String, MailboxUsage.Usage> usages = usage.byUser();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PeopleDirectory.Person person : shown) {
            Username user = Username.of(person.username());
            Long unitId = units.get(person.username());
            MailboxUsage.Usage used = usages.get(person.username());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("address", person.username());
            row.put("displayName", person.displayName());
            row.put("title", person.title());
            row.put("unit", unitId == null ? null : tree.get(unitId).map(tree::path).orElse(null));
            row.put("disabled", status.isDisabled(user));
            row.put("administrator", administrators.isAdministrator(user));
            row.put("storageBytes", used == null ? 0 : used.bytes());
            row.put("messages", used == null ? 0 : used.messages());
            rows.add(row);
        }
        return rows;
    }
}

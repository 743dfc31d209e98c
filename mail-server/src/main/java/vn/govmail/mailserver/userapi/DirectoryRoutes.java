package vn.govmail.mailserver.userapi;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.admin.QueryNumbers;
import vn.govmail.mailserver.organisation.ProvinceDirectory;

/**
 * {@code GET /govmail/me/directory?q=&limit=} → {@code [{"address", "name", "unit", "title", "kind"}]}: the address
 * book of the user's own domain and its alias domains (the webmail's compose autocomplete). {@code kind} is
 * {@code person}, {@code group} (a distribution group) or {@code role} (a role mailbox); disabled accounts are left
 * out. {@code limit} is 1..50 (default 10).
 */
public class DirectoryRoutes implements Routes {
    static final String PATH = UserSessionTokens.PREFIX + "/directory";
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 50;

    private final ProvinceDirectory directory;
    private final RecipientRewriteTable rewriteTable;
    private final JsonTransformer json;

    @Inject
    public DirectoryRoutes(ProvinceDirectory directory, RecipientRewriteTable rewriteTable, JsonTransformer json) {
        this.directory = directory;
        this.rewriteTable = rewriteTable;
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
        int limit = QueryNumbers.inRange(request.queryParams("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String query = request.queryParams("q") == null ? "" : request.queryParams("q");
        if (query.length() > 200) {
            throw AdminErrors.badRequest("The query is longer than 200 characters");
        }
        Domain domain = user.getDomainPart().orElseThrow(() -> AdminErrors.badRequest(user.asString() + " has no domain"));
        return directory.search(query, domains(domain), limit).stream().map(DirectoryRoutes::describe).toList();
    }

    /** The user's domain, the domains aliased to it and the domain it is an alias of (one mail system). */
    private Set<String> domains(Domain domain) throws Exception {
        Set<String> domains = new LinkedHashSet<>();
        domains.add(domain.asString());
        rewriteTable.listSources(Mapping.domainAlias(domain)).forEach(source -> source.asDomain().ifPresent(alias -> domains.add(alias.asString())));
        rewriteTable.getStoredMappings(MappingSource.fromDomain(domain)).asStream()
            .filter(mapping -> mapping.getType() == Mapping.Type.DomainAlias)
            .forEach(mapping -> domains.add(mapping.getMappingValue()));
        Set<String> lowered = new LinkedHashSet<>();
        domains.forEach(name -> lowered.add(name.toLowerCase(Locale.ROOT)));
        return lowered;
    }

    private static Map<String, Object> describe(ProvinceDirectory.Entry entry) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("address", entry.address());
        answer.put("name", entry.displayName());
        answer.put("unit", entry.unit());
        answer.put("title", entry.title());
        answer.put("kind", entry.kind().name().toLowerCase(Locale.ROOT));
        return answer;
    }

}

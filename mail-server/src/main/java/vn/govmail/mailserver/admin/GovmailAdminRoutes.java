package vn.govmail.mailserver.admin;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.account.AccountRenamer;
import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.dkim.DkimKey;
import vn.govmail.mailserver.dkim.DkimKeyStore;
import vn.govmail.mailserver.mailbox.DefaultFoldersProvisioner;

/**
 * govmail's own WebAdmin endpoints, beside James's (/domains, /users, /address/...):
 * <ul>
 *   <li>{@code POST /govmail/dkim/{domain}}: generate (or rotate) the domain's DKIM key; answers the DNS record;</li>
 *   <li>{@code GET /govmail/dkim/{domain}}: the DNS record to publish;</li>
 *   <li>{@code POST /govmail/users/{user}/folders}: create the user's default folders now;</li>
 *   <li>{@code POST /govmail/users/{user}/disable?reason=...} and {@code .../enable}: a disabled account keeps its
 *       mail but receives none (550 5.2.1) and cannot log in;</li>
 *   <li>{@code POST /govmail/users/{user}/rename/{newUser}} with {@code {"password": "..."}}: move the account,
 *       keeping the old address as an alias.</li>
 * </ul>
 */
public class GovmailAdminRoutes implements Routes {
    private final DomainList domainList;
    private final UsersRepository users;
    private final DkimKeyStore dkimKeys;
    private final DefaultFoldersProvisioner folders;
    private final AccountStatusStore accounts;
    private final AccountRenamer renamer;
    private final JsonTransformer json;

    @Inject
    public GovmailAdminRoutes(DomainList domainList, UsersRepository users, DkimKeyStore dkimKeys,
                              DefaultFoldersProvisioner folders, AccountStatusStore accounts, AccountRenamer renamer,
                              JsonTransformer json) {
        this.domainList = domainList;
        this.users = users;
        this.dkimKeys = dkimKeys;
        this.folders = folders;
        this.accounts = accounts;
        this.renamer = renamer;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail";
    }

    @Override
    public void define(Service service) {
        service.post("/govmail/dkim/:domain", this::generateDkimKey, json);
        service.get("/govmail/dkim/:domain", this::dkimRecord, json);
        service.post("/govmail/users/:user/folders", this::provisionFolders, json);
        service.post("/govmail/users/:user/disable", (request, response) -> setDisabled(request, true), json);
        service.post("/govmail/users/:user/enable", (request, response) -> setDisabled(request, false), json);
        service.post("/govmail/users/:user/rename/:newUser", this::rename, json);
    }

    private Object generateDkimKey(Request request, Response response) throws Exception {
        Domain domain = localDomain(request.params("domain"));
        DkimKey key = dkimKeys.generate(domain.asString(), DkimKeyStore.DEFAULT_SELECTOR);
        response.status(201);
        return record(key);
    }

    private Object dkimRecord(Request request, Response response) throws Exception {
        Domain domain = localDomain(request.params("domain"));
        return dkimKeys.find(domain.asString())
            .map(GovmailAdminRoutes::record)
            .orElseThrow(() -> AdminErrors.notFound("Domain " + domain.asString() + " has no DKIM key yet: POST /govmail/dkim/" + domain.asString() + " creates one"));
    }

    private Object provisionFolders(Request request, Response response) throws Exception {
        Username user = existingUser(request);
        folders.provision(user);
        return Map.of("user", user.asString(), "folders", "provisioned");
    }

    private Object setDisabled(Request request, boolean disabled) throws Exception {
        Username user = existingUser(request);
        accounts.setDisabled(user, disabled, request.queryParams("reason"));
        return Map.of("user", user.asString(), "disabled", disabled);
    }

    private Object rename(Request request, Response response) throws Exception {
        Username from = existingUser(request);
        Username to = parseUser(request.params("newUser"));
        if (!domainList.containsDomain(to.getDomainPart().orElseThrow(() -> AdminErrors.badRequest("'" + to.asString() + "' has no domain")))) {
            throw AdminErrors.notFound("Domain of " + to.asString() + " is not one of ours: add it first");
        }
        String password = JsonFields.string(request.body(), "password")
            .orElseThrow(() -> AdminErrors.badRequest("Give the new password of " + to.asString() + " as {\"password\": \"...\"}: "
                + "passwords are salted with the user name, so the old one cannot be carried over"));
        try {
            renamer.rename(from, to, password);
        } catch (AccountRenamer.RenameException e) {
            throw AdminErrors.conflict(e.getMessage());
        }
        return Map.of("user", to.asString(), "previous", from.asString(), "previousAddressIs", "alias");
    }


    private Username existingUser(Request request) throws Exception {
        Username user = parseUser(request.params("user"));
        if (!users.contains(user)) {
            throw AdminErrors.notFound("User " + user.asString() + " does not exist");
        }
        return user;
    }

    private Domain localDomain(String text) throws Exception {
        Domain domain;
        try {
            domain = Domain.of(text);
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("'" + text + "' is not a valid domain name");
        }
        if (!domainList.containsDomain(domain)) {
            throw AdminErrors.notFound("Domain " + domain.asString() + " is not one of ours: add it first (PUT /domains/" + domain.asString() + ")");
        }
        return domain;
    }

    private static Username parseUser(String text) {
        try {
            return Username.of(text);
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("'" + text + "' is not a valid user name");
        }
    }


    private static Map<String, String> record(DkimKey key) {
        return Map.of("domain", key.domain(), "selector", key.selector(),
            "dnsName", key.dnsName(), "dnsType", "TXT", "dnsValue", key.dnsValue());
    }
}

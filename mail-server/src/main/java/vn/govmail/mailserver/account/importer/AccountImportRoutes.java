package vn.govmail.mailserver.account.importer;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;
import vn.govmail.mailserver.account.AccountProfileStore;

/**
 * Bulk account import for the IT center:
 * <ul>
 *   <li>{@code POST /govmail/import/accounts?dryRun=true} with the CSV as body: the report, nothing changed;</li>
 *   <li>{@code POST /govmail/import/accounts}: the same report, and a background job creating the valid new
 *       accounts (202, {@code Location} of the job);</li>
 *   <li>{@code GET /govmail/import/accounts/{id}}: the job's progress and, when done, its counts.</li>
 * </ul>
 */
public class AccountImportRoutes implements Routes {
    private static final String BASE = "/govmail/import/accounts";

    private final DomainList domains;
    private final UsersRepository users;
    private final AccountProfileStore profiles;
    private final BatchUserWriter writer;
    private final TakenAddresses takenAddresses;
    private final FileSystem fileSystem;
    private final JsonTransformer json;
    private final Map<String, AccountImportJob> jobs = new ConcurrentHashMap<>();

    @Inject
    public AccountImportRoutes(DomainList domains, UsersRepository users, AccountProfileStore profiles, BatchUserWriter writer,
                               TakenAddresses takenAddresses, FileSystem fileSystem, JsonTransformer json) {
        this.writer = writer;
        this.takenAddresses = takenAddresses;
        this.domains = domains;
        this.users = users;
        this.profiles = profiles;
        this.fileSystem = fileSystem;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.post(BASE, this::importAccounts, json);
        service.get(BASE + "/:id", this::jobStatus, json);
    }

    private Object importAccounts(Request request, Response response) throws Exception {
        String body = new String(request.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (body.isBlank()) {
            throw AdminErrors.badRequest("Send the CSV file as the request body (UTF-8, header: email,display_name,unit,title[,password])");
        }
        AccountImportPlan plan = AccountImportPlan.of(new StringReader(body), domains, users, takenAddresses.now());
        Map<String, Object> report = report(plan);
        if (Boolean.parseBoolean(request.queryParamOrDefault("dryRun", "false"))) {
            return report;
        }
        String id = UUID.randomUUID().toString();
        Path passwords = fileSystem.getFile("file://var/imports").toPath().resolve(id + "-passwords.csv");
        AccountImportJob job = new AccountImportJob(id, plan, users, writer, profiles, passwords);
        jobs.put(id, job);
        Thread worker = new Thread(job, "account-import-" + id);
        worker.setDaemon(true);
        worker.start();
        response.status(202);
        response.header("Location", BASE + "/" + id);
        report.put("job", id);
        return report;
    }

    private Object jobStatus(Request request, Response response) {
        AccountImportJob job = jobs.get(request.params("id"));
        if (job == null) {
            throw AdminErrors.notFound("No import job " + request.params("id") + " (jobs are kept until the server restarts)");
        }
        return job.status();
    }

    private static Map<String, Object> report(AccountImportPlan plan) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lines", plan.total());
        report.put("toCreate", plan.toCreate().size());
        report.put("existing", plan.existing().size());
        report.put("refused", plan.errors().size());
        report.put("errors", plan.errors().stream().map(error -> Map.of("line", error.line(), "field", error.field(),
            "value", error.value(), "reason", error.reason())).toList());
        return report;
    }
}

package vn.govmail.mailserver.admin;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.task.RecomputeCurrentQuotasService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.scheduler.Schedulers;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;

import vn.govmail.mailserver.administrators.AdministratorStore;
import vn.govmail.mailserver.mailbox.DefaultFoldersProvisioner;

/** In-process access to the running server for start-up provisioning (the demo province) and tests. */
public class GovmailProbe implements GuiceProbe {
    private static final Logger LOGGER = LoggerFactory.getLogger(GovmailProbe.class);

    private final DomainList domainList;
    private final UsersRepository users;
    private final DefaultFoldersProvisioner folders;
    private final MaxQuotaManager quotas;
    private final RecomputeCurrentQuotasService quotaRecompute;
    private final AdministratorStore administrators;

    @Inject
    public GovmailProbe(DomainList domainList, UsersRepository users, DefaultFoldersProvisioner folders, MaxQuotaManager quotas,
                        RecomputeCurrentQuotasService quotaRecompute, AdministratorStore administrators) {
        this.administrators = administrators;
        this.domainList = domainList;
        this.users = users;
        this.folders = folders;
        this.quotas = quotas;
        this.quotaRecompute = quotaRecompute;
    }

    /**
     * Recomputes every user's current quota usage in the background. James updates usage counters after each
     * mailbox change commits, so a crash in between leaves a counter off; recounting at every start makes it
     * exact again without an admin action.
     */
    public void recomputeQuotaUsageInBackground(int usersPerSecond) {
        RecomputeCurrentQuotasService.Context context = new RecomputeCurrentQuotasService.Context();
        quotaRecompute.recomputeCurrentQuotas(context, RecomputeCurrentQuotasService.RunningOptions.withUsersPerSecond(usersPerSecond))
            .subscribeOn(Schedulers.boundedElastic())
            .subscribe(
                result -> LOGGER.info("Quota usage recomputed at start: {}", result),
                error -> LOGGER.error("Quota usage recompute at start failed", error));
    }

    /**
     * Sets the platform-wide mailbox size limit on first start (1 GiB per mailbox by default). An operator's
     * later change through WebAdmin ({@code PUT /quota/size}) is kept: this only fills a missing value.
     */
    public boolean ensureGlobalStorageQuota(long bytes) throws Exception {
        if (quotas.getGlobalMaxStorage().isPresent()) {
            return false;
        }
        quotas.setGlobalMaxStorage(QuotaSizeLimit.size(bytes));
        return true;
    }

    /** Sets the platform-wide message-count limit per mailbox on first start; a later change through WebAdmin is kept. */
    public boolean ensureGlobalMessageQuota(long messages) throws Exception {
        if (quotas.getGlobalMaxMessage().isPresent()) {
            return false;
        }
        quotas.setGlobalMaxMessage(org.apache.james.core.quota.QuotaCountLimit.count(messages));
        return true;
    }

    /** Adds the domain if missing; answers whether it was added. */
    public boolean ensureDomain(String domain) throws Exception {
        Domain parsed = Domain.of(domain);
        if (domainList.containsDomain(parsed)) {
            return false;
        }
        domainList.addDomain(parsed);
        return true;
    }

    /** Adds the user with its default folders if missing; answers whether it was added. */
    public boolean ensureUser(String address, String password) throws Exception {
        Username user = Username.of(address);
        if (users.contains(user)) {
            return false;
        }
        users.addUser(user, password);
        folders.provision(user);
        return true;
    }

    public boolean hasAdministrators() {
        return !administrators.all().isEmpty();
    }

    public boolean isAdministrator(String address) {
        return administrators.isAdministrator(Username.of(address));
    }

    /** Grants the administrator role (the webmail's admin console) if missing; answers whether it was granted. */
    public boolean ensureAdministrator(String address) throws Exception {
        return administrators.grant(Username.of(address));
    }
}

package vn.govmail.mailserver.admin;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;

import vn.govmail.mailserver.mailbox.DefaultFoldersProvisioner;

/** In-process access to the running server for start-up provisioning (the demo province) and tests. */
public class GovmailProbe implements GuiceProbe {
    private final DomainList domainList;
    private final UsersRepository users;
    private final DefaultFoldersProvisioner folders;
    private final MaxQuotaManager quotas;

    @Inject
    public GovmailProbe(DomainList domainList, UsersRepository users, DefaultFoldersProvisioner folders, MaxQuotaManager quotas) {
        this.domainList = domainList;
        this.users = users;
        this.folders = folders;
        this.quotas = quotas;
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
}

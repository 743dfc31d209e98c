package vn.govmail.mailserver.modules;

import org.apache.james.events.EventListener;
import org.apache.james.utils.GuiceProbe;
import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import vn.govmail.mailserver.account.AccountStatusStore;
import vn.govmail.mailserver.account.importer.AccountImportRoutes;
import vn.govmail.mailserver.admin.AdminAuditRoutes;
import vn.govmail.mailserver.admin.GovmailAdminRoutes;
import vn.govmail.mailserver.admin.PasswordPolicyRoutes;
import vn.govmail.mailserver.admin.GovmailProbe;
import vn.govmail.mailserver.database.GovmailDataSource;
import vn.govmail.mailserver.dkim.DkimKeyStore;
import vn.govmail.mailserver.mailbox.DefaultFoldersProvisioner;
import vn.govmail.mailserver.smtp.LocalRecipients;

/** govmail's own services inside the James process: folder provisioning, DKIM keys, admin routes. */
public class GovmailModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(GovmailDataSource.class).in(Scopes.SINGLETON);
        bind(DkimKeyStore.class).in(Scopes.SINGLETON);
        bind(DefaultFoldersProvisioner.class).in(Scopes.SINGLETON);
        bind(AccountStatusStore.class).in(Scopes.SINGLETON);
        bind(LocalRecipients.class).in(Scopes.SINGLETON);

        Multibinder.newSetBinder(binder(), EventListener.GroupEventListener.class)
            .addBinding().to(DefaultFoldersProvisioner.class);
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(GovmailAdminRoutes.class);
        routes.addBinding().to(AdminAuditRoutes.class);
        routes.addBinding().to(PasswordPolicyRoutes.class);
        routes.addBinding().to(AccountImportRoutes.class).in(Scopes.SINGLETON);
        routes.addBinding().to(vn.govmail.mailserver.organisation.OrganisationRoutes.class);
        routes.addBinding().to(vn.govmail.mailserver.group.GroupRoutes.class);
        routes.addBinding().to(vn.govmail.mailserver.role.RoleMailboxRoutes.class);
        routes.addBinding().to(vn.govmail.mailserver.report.ReportRoutes.class);
        Multibinder.newSetBinder(binder(), org.apache.james.user.api.UsernameChangeTaskStep.class)
            .addBinding().to(vn.govmail.mailserver.organisation.OrganisationUsernameChangeStep.class);
        Multibinder.newSetBinder(binder(), org.apache.james.UserEntityValidator.class)
            .addBinding().to(vn.govmail.mailserver.group.GroupAddressValidator.class);
        Multibinder.newSetBinder(binder(), GuiceProbe.class)
            .addBinding().to(GovmailProbe.class);
    }
}

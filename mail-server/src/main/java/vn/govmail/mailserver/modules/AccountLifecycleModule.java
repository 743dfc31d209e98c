package vn.govmail.mailserver.modules;

import org.apache.james.events.EventListener;
import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import vn.govmail.mailserver.admin.AccountLifecycleRoutes;
import vn.govmail.mailserver.admin.SelfServicePasswordRoutes;
import vn.govmail.mailserver.quota.DomainLimitsRoutes;
import vn.govmail.mailserver.quota.QuotaWarningListener;

/** Quota warnings, per-domain message size limits, account deletion with export, forced and self-service password changes. */
public class AccountLifecycleModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), EventListener.GroupEventListener.class)
            .addBinding().to(QuotaWarningListener.class);
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(AccountLifecycleRoutes.class).in(Scopes.SINGLETON);
        routes.addBinding().to(SelfServicePasswordRoutes.class).in(Scopes.SINGLETON);
        routes.addBinding().to(DomainLimitsRoutes.class);
    }
}

package vn.govmail.mailserver.eoffice;

import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import vn.govmail.mailserver.admin.DelegatedTokens;

/** The eOffice document inbox inside the mail server: its services, the mailet's dependencies, its admin routes. */
public class EofficeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(EofficeServices.class).in(Scopes.SINGLETON);
        bind(NoticeMailer.class).in(Scopes.SINGLETON);
        bind(DeadlineReminderTask.class).asEagerSingleton();
        bind(DocumentOperations.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(EofficeRoutes.class);
        // a mail user's document views (webmail), behind the user API's session tokens (UserApiModule)
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(UserEofficeRoutes.class);
        Multibinder.newSetBinder(binder(), DelegatedTokens.class).addBinding().to(EofficeClientTokens.class);
    }
}

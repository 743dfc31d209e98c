package vn.govmail.mailserver.administrators;

import org.apache.james.user.api.UsernameChangeTaskStep;
import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/** Administrators (mail accounts with the admin role), the routes of the webmail's admin console, and the role's move on rename. */
public class AdministratorsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(AdministratorRoutes.class);
        routes.addBinding().to(AccountListRoutes.class);
        Multibinder.newSetBinder(binder(), UsernameChangeTaskStep.class).addBinding().to(AdministratorUsernameChangeStep.class);
    }
}

package vn.govmail.mailserver.modules;

import org.apache.james.webadmin.authentication.AuthenticationFilter;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import vn.govmail.mailserver.admin.AdminToken;
import vn.govmail.mailserver.admin.AdminTokenFilter;
import vn.govmail.mailserver.admin.DelegatedTokens;

/** Override of James's WebAdmin authentication (none or JWT in 3.8.1) with our admin token. */
public class AdminAccessModule extends AbstractModule {
    private final AdminToken token;

    public AdminAccessModule(AdminToken token) {
        this.token = token;
    }

    @Override
    protected void configure() {
        bind(AdminToken.class).toInstance(token);
        bind(AuthenticationFilter.class).to(AdminTokenFilter.class);
        Multibinder.newSetBinder(binder(), DelegatedTokens.class); // features add their client tokens
    }
}

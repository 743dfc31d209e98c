package vn.govmail.mailserver.modules;

import java.time.Clock;
import java.time.Duration;

import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

import vn.govmail.mailserver.admin.DelegatedTokens;
import vn.govmail.mailserver.userapi.DirectoryRoutes;
import vn.govmail.mailserver.userapi.UserSessionRoutes;
import vn.govmail.mailserver.userapi.UserSessionTokens;
import vn.govmail.mailserver.userapi.UserSearchRoutes;
import vn.govmail.mailserver.userapi.UserSessions;

/**
 * The user API: routes under /govmail/me that act for one mail user (the webmail's directory, quarantine, document
 * views), authenticated by a session token opened with the user's mail password. Features add their routes to the
 * WebAdmin {@link Routes} set and read the user with {@code SessionUser.of(request)}.
 */
public class UserApiModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), DelegatedTokens.class).addBinding().to(UserSessionTokens.class);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(UserSessionRoutes.class);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(DirectoryRoutes.class);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(UserSearchRoutes.class);
    }

    /** As long as the webmail's own session (30 minutes idle), at most a working day. */
    @Provides
    @Singleton
    UserSessions userSessions() {
        return new UserSessions(Duration.ofMinutes(30), Duration.ofHours(12), Clock.systemUTC());
    }
}

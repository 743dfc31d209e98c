package vn.govmail.mailserver.spam;

import java.util.Properties;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.events.EventListener;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import vn.govmail.mailserver.database.GovmailDataSource;
import vn.govmail.mailserver.smtp.LocalRecipientHook;

/**
 * Guice wiring of the spam filter: the filter itself, the quarantine (release state, digest and its daily task),
 * the Junk learning listener, the admin routes and the user's quarantine routes (user API). The SMTP hook ({@code SpamCheckHook}, smtpserver.xml) and the mailet
 * ({@code SpamVerdictMailet}, mailetcontainer.xml) are loaded by James by class name and injected from here.
 */
public class SpamFilterModule extends AbstractModule {
    private final Properties spamSettings;
    private final String hostname;

    /** @param spamSettings the {@code spam.*} keys of govmail.properties (and their environment overrides) */
    public SpamFilterModule(Properties spamSettings, String hostname) {
        this.spamSettings = spamSettings;
        this.hostname = hostname;
    }

    @Override
    protected void configure() {
        bind(Quarantine.class).in(Scopes.SINGLETON);
        bind(QuarantineReleases.class).in(Scopes.SINGLETON);
        bind(QuarantineDigestStore.class).in(Scopes.SINGLETON);
        bind(QuarantineDigest.class).in(Scopes.SINGLETON);
        bind(QuarantineDigestTask.class).in(Scopes.SINGLETON);
        bind(JunkLearningListener.class).in(Scopes.SINGLETON);
        bind(GreylistStore.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), EventListener.GroupEventListener.class).addBinding().to(JunkLearningListener.class);
        Multibinder<Routes> routes = Multibinder.newSetBinder(binder(), Routes.class);
        routes.addBinding().to(QuarantineRoutes.class);
        routes.addBinding().to(UserQuarantineRoutes.class);
        routes.addBinding().to(SenderListRoutes.class);
        // run by GroupRcptHook for group addresses too (block list first, then greylisting, as in smtpserver.xml)
        Multibinder<LocalRecipientHook> localRecipientHooks = Multibinder.newSetBinder(binder(), LocalRecipientHook.class);
        localRecipientHooks.addBinding().to(SenderBlockRcptHook.class);
        localRecipientHooks.addBinding().to(GreylistRcptHook.class);
    }

    /** At start: finish the releases a crash interrupted, then schedule the daily digest. */
    @ProvidesIntoSet
    InitializationOperation recoverReleases(Quarantine quarantine) {
        return InitilizationOperationBuilder.forClass(Quarantine.class).init(quarantine::recover);
    }

    @ProvidesIntoSet
    InitializationOperation scheduleDigest(QuarantineDigestTask task) {
        return InitilizationOperationBuilder.forClass(QuarantineDigestTask.class).init(task::start);
    }

    @Provides
    @Singleton
    SpamFilterService spamFilter(GovmailDataSource database, DomainList domains) {
        return new SpamFilterService(spamSettings, hostname, database, domains);
    }
}

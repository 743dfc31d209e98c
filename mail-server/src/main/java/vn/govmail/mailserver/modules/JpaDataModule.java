package vn.govmail.mailserver.modules;

import java.time.Clock;

import javax.persistence.EntityManagerFactory;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;

import org.apache.james.CoreDataModule;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.jpa.JPADomainList;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.mailrepository.api.MailRepositoryFactory;
import org.apache.james.mailrepository.api.MailRepositoryUrlStore;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.jpa.JPAMailRepository;
import org.apache.james.mailrepository.jpa.JPAMailRepositoryFactory;
import org.apache.james.mailrepository.jpa.JPAMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.rrt.api.AliasReverseResolver;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.jpa.JPARecipientRewriteTable;
import org.apache.james.rrt.lib.AliasReverseResolverImpl;
import org.apache.james.rrt.lib.CanSendFromImpl;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.sieve.jpa.JPASieveRepository;
import org.apache.james.sieverepository.api.SieveQuotaRepository;
import org.apache.james.sieverepository.api.SieveRepository;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.jpa.JPAUsersRepository;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import vn.govmail.mailserver.account.CachingUsersRepository;
import vn.govmail.mailserver.database.MailStoreColumns;
import vn.govmail.mailserver.domain.CachingDomainList;
import vn.govmail.mailserver.managesieve.CachingSieveRepository;
import vn.govmail.mailserver.rrt.CachingRecipientRewriteTable;

import com.google.common.collect.ImmutableList;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import vn.govmail.mailserver.role.RoleAwareCanSendFrom;

/**
 * Server data on PostgreSQL through James's JPA stores: domains, users (hashed passwords), recipient
 * rewrites (aliases, groups, alias domains), sieve scripts and the {@code jpa://} mail repositories
 * (error, quarantine, outgoing bounces).
 */
public class JpaDataModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new CoreDataModule());

        bind(JPADomainList.class).in(Scopes.SINGLETON);

        bind(JPAUsersRepository.class).in(Scopes.SINGLETON);

        // Every user of the table (RCPT checks, the RecipientRewriteTable mailet, admin routes) gets the caching
        // subclass, so every change made here invalidates its answers.
        bind(CachingRecipientRewriteTable.class).in(Scopes.SINGLETON);
        bind(JPARecipientRewriteTable.class).to(CachingRecipientRewriteTable.class);
        bind(RecipientRewriteTable.class).to(JPARecipientRewriteTable.class);
        bind(AliasReverseResolverImpl.class).in(Scopes.SINGLETON);
        bind(AliasReverseResolver.class).to(AliasReverseResolverImpl.class);
        bind(CanSendFromImpl.class).in(Scopes.SINGLETON);
        bind(CanSendFrom.class).to(RoleAwareCanSendFrom.class);

        // The caching subclass for everyone (the Sieve mailet, ManageSieve, WebAdmin), so every change invalidates it.
        bind(CachingSieveRepository.class).in(Scopes.SINGLETON);
        bind(JPASieveRepository.class).to(CachingSieveRepository.class);
        bind(SieveRepository.class).to(JPASieveRepository.class);
        bind(SieveQuotaRepository.class).to(JPASieveRepository.class);

        bind(JPAMailRepositoryUrlStore.class).in(Scopes.SINGLETON);
        bind(MailRepositoryUrlStore.class).to(JPAMailRepositoryUrlStore.class);
        bind(MailRepositoryStoreConfiguration.Item.class)
            .toProvider(() -> new MailRepositoryStoreConfiguration.Item(
                ImmutableList.of(new Protocol("jpa")),
                JPAMailRepository.class.getName(),
                new BaseHierarchicalConfiguration()));
        Multibinder.newSetBinder(binder(), MailRepositoryFactory.class)
            .addBinding().to(JPAMailRepositoryFactory.class);
    }

    /** Every user of DomainList (RCPT checks, matchers, admin routes) goes through the cache, so changes invalidate it. */
    @Provides
    @Singleton
    DomainList domainList(JPADomainList store) {
        return new CachingDomainList(store, CachingDomainList.DEFAULT_TIME_TO_LIVE, Clock.systemUTC());
    }

    /** Every user of UsersRepository (RCPT checks, matchers, admin routes) goes through the cache, so removals invalidate it. */
    @Provides
    @Singleton
    UsersRepository usersRepository(JPAUsersRepository store) {
        return new CachingUsersRepository(store, CachingUsersRepository.DEFAULT_TIME_TO_LIVE, Clock.systemUTC());
    }

    @ProvidesIntoSet
    InitializationOperation configureDomainList(DomainListConfiguration configuration, JPADomainList domainList) {
        return InitilizationOperationBuilder
            .forClass(JPADomainList.class)
            .init(() -> domainList.configure(configuration));
    }

    @ProvidesIntoSet
    InitializationOperation widenMailStoreColumns(EntityManagerFactory entityManagerFactory) {
        // tied to the domain list, which is built before the mail spooler: the columns are wide before any mail
        // can be stored in the error or quarantine repository
        return InitilizationOperationBuilder
            .forClass(JPADomainList.class)
            .init(() -> MailStoreColumns.widen(entityManagerFactory));
    }

    @ProvidesIntoSet
    InitializationOperation configureUsers(ConfigurationProvider configurationProvider, JPAUsersRepository users) {
        return InitilizationOperationBuilder
            .forClass(JPAUsersRepository.class)
            .init(() -> users.configure(configurationProvider.getConfiguration("usersrepository")));
    }

    @ProvidesIntoSet
    InitializationOperation configureRecipientRewriteTable(ConfigurationProvider configurationProvider, CachingRecipientRewriteTable table) {
        // James orders start-up operations by the class Guice actually constructs: naming the bound subclass here
        // keeps the table configured before the mailets that use it (else mail spooled before a restart can reach
        // the RecipientRewriteTable mailet while the table is still unconfigured).
        return InitilizationOperationBuilder
            .forClass(CachingRecipientRewriteTable.class)
            .init(() -> table.configure(configurationProvider.getConfiguration("recipientrewritetable")));
    }
}

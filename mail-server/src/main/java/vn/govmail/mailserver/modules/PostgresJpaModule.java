package vn.govmail.mailserver.modules;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import vn.govmail.mailserver.database.DatabaseConnection;

/**
 * The one JPA entity manager factory (persistence unit {@code Global}, see META-INF/persistence.xml) shared by
 * every James JPA store: mailboxes, users, domains, recipient rewrites, quotas, sieve scripts, mail repositories.
 * Credentials come from {@link DatabaseConnection} in memory, so no password is written to a config file.
 */
public class PostgresJpaModule extends AbstractModule {
    private final DatabaseConnection database;
    private final int maxConnections;

    public PostgresJpaModule(DatabaseConnection database, int maxConnections) {
        this.database = database;
        this.maxConnections = maxConnections;
    }

    @Override
    protected void configure() {
        bind(DatabaseConnection.class).toInstance(database);
    }

    @Provides
    @Singleton
    EntityManagerFactory entityManagerFactory() {
        Map<String, String> properties = new HashMap<>();
        properties.put("openjpa.ConnectionDriverName", "org.postgresql.Driver");
        properties.put("openjpa.ConnectionURL", database.jdbcUrl());
        properties.put("openjpa.ConnectionUserName", database.user());
        properties.put("openjpa.ConnectionPassword", database.password());
        // OpenJPA pools through commons-dbcp2 when it is on the class path; validate on borrow so a
        // PostgreSQL restart does not leave dead connections in the pool.
        properties.put("openjpa.ConnectionProperties",
            "MaxTotal=" + maxConnections + ",TestOnBorrow=true,ValidationQuery=SELECT 1,MaxWaitMillis=30000");
        properties.put("openjpa.Multithreaded", "true");
        return Persistence.createEntityManagerFactory("Global", properties);
    }
}

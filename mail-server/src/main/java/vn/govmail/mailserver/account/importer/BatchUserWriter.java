package vn.govmail.mailserver.account.importer;

import java.util.List;
import java.util.Locale;

import javax.inject.Inject;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.jpa.model.JPAUser;

/**
 * Creates many accounts in James's JPA user table with one transaction (one disk sync) per batch instead of one per
 * account, which is what {@code UsersRepository.addUser} does. The hash is computed when the {@link JPAUser} is built
 * ({@link #hash}), so callers can spread that costly part over all cores and keep the database work sequential.
 * The algorithm is the one James's users repository is configured with, so these accounts log in like any other.
 */
public class BatchUserWriter {
    private final EntityManagerFactory entityManagerFactory;
    private final String algorithm;

    @Inject
    public BatchUserWriter(EntityManagerFactory entityManagerFactory, ConfigurationProvider configuration) throws Exception {
        this.entityManagerFactory = entityManagerFactory;
        this.algorithm = configuration.getConfiguration("usersrepository").getString("algorithm", "PBKDF2");
    }

    /** The account with its password hashed (CPU-bound: about 7 ms here). Names are stored lower case, as James does. */
    public JPAUser hash(String username, String password) {
        return new JPAUser(username.toLowerCase(Locale.US), password, algorithm);
    }

    /** Inserts the accounts in one transaction; if any fails (e.g. created meanwhile), none is inserted. */
    public void insert(List<JPAUser> accounts) {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            accounts.forEach(entityManager::persist);
            transaction.commit();
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw e;
        } finally {
            entityManager.close();
        }
    }
}

package vn.govmail.mailserver.database;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.james.backends.jpa.EntityManagerUtils;

/** Runs our own schema statements on James's JPA database in one transaction, after OpenJPA has built its tables. */
public final class SchemaStatements {
    private SchemaStatements() {
    }

    public static void run(EntityManagerFactory factory, String... statements) {
        EntityManager manager = factory.createEntityManager();
        try {
            manager.getTransaction().begin();
            for (String statement : statements) {
                manager.createNativeQuery(statement).executeUpdate();
            }
            manager.getTransaction().commit();
        } finally {
            if (manager.getTransaction().isActive()) {
                manager.getTransaction().rollback();
            }
            EntityManagerUtils.safelyClose(manager);
        }
    }
}

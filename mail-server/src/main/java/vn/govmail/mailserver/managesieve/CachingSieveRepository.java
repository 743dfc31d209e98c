package vn.govmail.mailserver.managesieve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.Username;
import org.apache.james.sieve.jpa.JPASieveRepository;
import org.apache.james.sieverepository.api.ScriptContent;
import org.apache.james.sieverepository.api.ScriptName;
import org.apache.james.sieverepository.api.exception.DuplicateException;
import org.apache.james.sieverepository.api.exception.IsActiveException;
import org.apache.james.sieverepository.api.exception.QuotaExceededException;
import org.apache.james.sieverepository.api.exception.ScriptNotFoundException;
import org.apache.james.sieverepository.api.exception.StorageException;

import vn.govmail.mailserver.cache.ExpiringAnswers;

/**
 * James's JPA Sieve repository with each user's active script (or the fact that there is none) remembered for a
 * short while. Every local delivery asks for the recipient's active script twice (its activation date, then its
 * content), each a JPA query with its own entity manager, although scripts change only when their owner edits
 * them.
 *
 * <p>Every change of a user's scripts through this repository (ManageSieve, WebAdmin, webmail filters, account
 * rename and deletion: they all end in {@link #putScript}, {@link #setActive}, {@link #deleteScript} or
 * {@link #renameScript}) forgets every remembered answer (changes are rare, deliveries are not), so the next message uses the new script; a change made by
 * another server on a shared database is seen after {@link #DEFAULT_TIME_TO_LIVE} at most. Listing and reading
 * scripts by name and the Sieve quotas always ask the store.
 */
public class CachingSieveRepository extends JPASieveRepository {
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(30);
    /** More distinct recipients than this within the time to live and the cache starts over. */
    static final int MAX_ENTRIES = 20_000;

    private record ActiveScript(byte[] content, ZonedDateTime activation) {
    }

    private final ExpiringAnswers<Username, Optional<ActiveScript>> activeScripts;

    @Inject
    public CachingSieveRepository(EntityManagerFactory entityManagerFactory) {
        this(entityManagerFactory, DEFAULT_TIME_TO_LIVE, Clock.systemUTC());
    }

    CachingSieveRepository(EntityManagerFactory entityManagerFactory, Duration timeToLive, Clock clock) {
        super(entityManagerFactory);
        this.activeScripts = new ExpiringAnswers<>(timeToLive, clock, MAX_ENTRIES);
    }

    @Override
    public InputStream getActive(Username username) throws ScriptNotFoundException, StorageException {
        ActiveScript script = activeScript(username).orElseThrow(() -> new ScriptNotFoundException("No active script for " + username.asString()));
        return new ByteArrayInputStream(script.content());
    }

    @Override
    public ZonedDateTime getActivationDateForActiveScript(Username username) throws StorageException, ScriptNotFoundException {
        return activeScript(username).orElseThrow(() -> new ScriptNotFoundException("No active script for " + username.asString()))
            .activation();
    }

    private Optional<ActiveScript> activeScript(Username username) throws StorageException {
        return activeScripts.get(username, () -> readActiveScript(username));
    }

    private Optional<ActiveScript> readActiveScript(Username username) throws StorageException {
        try {
            ZonedDateTime activation = super.getActivationDateForActiveScript(username);
            try (InputStream content = super.getActive(username)) {
                return Optional.of(new ActiveScript(content.readAllBytes(), activation));
            }
        } catch (ScriptNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("Cannot read the active Sieve script of " + username.asString(), e);
        }
    }

    @Override
    public void putScript(Username username, ScriptName name, ScriptContent content) throws StorageException, QuotaExceededException {
        try {
            super.putScript(username, name, content);
        } finally {
            activeScripts.forget();
        }
    }

    @Override
    public void setActive(Username username, ScriptName name) throws ScriptNotFoundException, StorageException {
        try {
            super.setActive(username, name);
        } finally {
            activeScripts.forget();
        }
    }

    @Override
    public void deleteScript(Username username, ScriptName name) throws ScriptNotFoundException, IsActiveException, StorageException {
        try {
            super.deleteScript(username, name);
        } finally {
            activeScripts.forget();
        }
    }

    @Override
    public void renameScript(Username username, ScriptName oldName, ScriptName newName)
        throws ScriptNotFoundException, DuplicateException, StorageException {
        try {
            super.renameScript(username, oldName, newName);
        } finally {
            activeScripts.forget();
        }
    }
}

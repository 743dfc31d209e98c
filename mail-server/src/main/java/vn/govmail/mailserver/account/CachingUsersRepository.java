package vn.govmail.mailserver.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

/**
 * The users repository with its "this account exists" answers remembered for a short while. A message asks
 * whether its recipient exists about four times (ValidRcptHandler, our RCPT policy hook, the two
 * {@code RecipientIsLocal} matchers), each a JPA query with its own entity manager.
 *
 * <p>Only positive answers are kept: an account created by any path (admin API, import writing JPA rows in
 * batches, rename) receives mail at once. Removing an account through this repository forgets it at once; an
 * account removed by another server on a shared database is seen as gone after {@link #DEFAULT_TIME_TO_LIVE}
 * at most (its mail would then fail at delivery, not be lost). Passwords are never cached: {@link #test} and
 * {@link #getUserByName} always ask the store.
 */
public final class CachingUsersRepository implements UsersRepository {
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(30);

    private final UsersRepository delegate;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<Username, Instant> existing = new ConcurrentHashMap<>();

    public CachingUsersRepository(UsersRepository delegate, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        if (knownToExist(name)) {
            return true;
        }
        boolean contained = delegate.contains(name);
        if (contained) {
            remember(name);
        }
        return contained;
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        if (knownToExist(name)) {
            return Mono.just(true);
        }
        return Mono.from(delegate.containsReactive(name))
            .doOnNext(contained -> {
                if (contained) {
                    remember(name);
                }
            });
    }

    private boolean knownToExist(Username name) {
        Instant expires = existing.get(name);
        return expires != null && clock.instant().isBefore(expires);
    }

    private void remember(Username name) {
        existing.put(name, clock.instant().plus(timeToLive));
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        existing.remove(name);
        try {
            delegate.removeUser(name);
        } finally {
            existing.remove(name);
        }
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        delegate.addUser(username, password);
    }

    @Override
    public User getUserByName(Username name) throws UsersRepositoryException {
        return delegate.getUserByName(name);
    }

    @Override
    public void updateUser(User user) throws UsersRepositoryException {
        delegate.updateUser(user);
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        return delegate.test(name, password);
    }

    @Override
    public int countUsers() throws UsersRepositoryException {
        return delegate.countUsers();
    }

    @Override
    public Iterator<Username> list() throws UsersRepositoryException {
        return delegate.list();
    }

    @Override
    public Publisher<Username> listReactive() {
        return delegate.listReactive();
    }

    @Override
    public boolean supportVirtualHosting() throws UsersRepositoryException {
        return delegate.supportVirtualHosting();
    }

    @Override
    public Username getUsername(MailAddress mailAddress) throws UsersRepositoryException {
        return delegate.getUsername(mailAddress);
    }

    @Override
    public MailAddress getMailAddressFor(Username username) throws UsersRepositoryException {
        return delegate.getMailAddressFor(username);
    }

    @Override
    public boolean isAdministrator(Username username) throws UsersRepositoryException {
        return delegate.isAdministrator(username);
    }

    @Override
    public boolean isReadOnly() {
        return delegate.isReadOnly();
    }

    @Override
    public void assertValid(Username username) throws UsersRepositoryException {
        delegate.assertValid(username);
    }
}

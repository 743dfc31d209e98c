package vn.govmail.mailserver.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;

/**
 * The domain list with its answers to {@link #containsDomain} remembered for a short while. Every message asks
 * the same question about five times (RCPT checks, relay check, the RecipientIsLocal matchers), and each
 * question is a JPA query with its own entity manager: about a tenth of the delivery CPU before this cache.
 * Unlike James's own read cache, adding or removing a domain through this list forgets the remembered answer
 * at once, so a domain added by the admin API accepts mail immediately; a change made by another server on a
 * shared database is seen after {@link #DEFAULT_TIME_TO_LIVE} at most.
 */
public final class CachingDomainList implements DomainList {
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(30);

    private record Answer(boolean contained, Instant expires) {
    }

    private final DomainList delegate;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<Domain, Answer> answers = new ConcurrentHashMap<>();

    public CachingDomainList(DomainList delegate, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public boolean containsDomain(Domain domain) throws DomainListException {
        Instant now = clock.instant();
        Answer answer = answers.get(domain);
        if (answer != null && now.isBefore(answer.expires())) {
            return answer.contained();
        }
        boolean contained = delegate.containsDomain(domain);
        answers.put(domain, new Answer(contained, now.plus(timeToLive)));
        return contained;
    }

    @Override
    public void addDomain(Domain domain) throws DomainListException {
        try {
            delegate.addDomain(domain);
        } finally {
            answers.remove(domain);
        }
    }

    @Override
    public void removeDomain(Domain domain) throws DomainListException {
        try {
            delegate.removeDomain(domain);
        } finally {
            answers.remove(domain);
        }
    }

    @Override
    public List<Domain> getDomains() throws DomainListException {
        return delegate.getDomains();
    }

    @Override
    public Domain getDefaultDomain() throws DomainListException {
        return delegate.getDefaultDomain();
    }
}

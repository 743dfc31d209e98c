package vn.govmail.mailserver.rrt;

import java.time.Clock;
import java.time.Duration;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.jpa.JPARecipientRewriteTable;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.rrt.lib.Mappings;

import vn.govmail.mailserver.cache.ExpiringAnswers;

/**
 * James's JPA recipient rewrite table (aliases, groups, forwards, alias domains) with its stored-mapping lookups
 * remembered for a short while. Resolving one recipient asks the store for the address, then recursively for
 * every target, each a JPA query with its own entity manager — at RCPT (ValidRcptHandler) and again in the
 * {@code RecipientRewriteTable} mailet — for rows that only an administrator changes.
 *
 * <p>Answers are kept per (local part, domain), empty ones too (most recipients have no mapping). Every change
 * goes through {@link #addMapping} or {@link #removeMapping} of this class (all the {@code add…Mapping} helpers,
 * WebAdmin, our group and alias routes end there), and each one forgets every remembered answer, so it applies
 * to the next message; a change made by another server on a shared database is seen after
 * {@link #DEFAULT_TIME_TO_LIVE} at most. Listing and administration reads ({@code getStoredMappings},
 * {@code getAllMappings}, {@code listSources}) always ask the store.
 */
public class CachingRecipientRewriteTable extends JPARecipientRewriteTable {
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(30);
    /** More distinct addresses than this (e.g. a dictionary attack on RCPT) and the cache starts over. */
    static final int MAX_ENTRIES = 20_000;

    private record Key(String user, Domain domain) {
    }

    private final ExpiringAnswers<Key, Mappings> answers;

    @Inject
    public CachingRecipientRewriteTable() {
        this(DEFAULT_TIME_TO_LIVE, Clock.systemUTC());
    }

    CachingRecipientRewriteTable(Duration timeToLive, Clock clock) {
        this.answers = new ExpiringAnswers<>(timeToLive, clock, MAX_ENTRIES);
    }

    @Override
    protected Mappings mapAddress(String user, Domain domain) throws RecipientRewriteTableException {
        return answers.get(new Key(user, domain), () -> super.mapAddress(user, domain));
    }

    @Override
    public void addMapping(MappingSource source, Mapping mapping) throws RecipientRewriteTableException {
        try {
            super.addMapping(source, mapping);
        } finally {
            forgetAll();
        }
    }

    @Override
    public void removeMapping(MappingSource source, Mapping mapping) throws RecipientRewriteTableException {
        try {
            super.removeMapping(source, mapping);
        } finally {
            forgetAll();
        }
    }

    private void forgetAll() {
        answers.forget();
    }
}

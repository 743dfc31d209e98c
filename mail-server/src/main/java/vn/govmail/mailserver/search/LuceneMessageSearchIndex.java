package vn.govmail.mailserver.search;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.Flags;

import org.apache.james.events.Event;
import org.apache.james.events.Group;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.events.MailboxEvents.Added;
import org.apache.james.mailbox.events.MailboxEvents.FlagsUpdated;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.model.UpdatedFlags;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.search.ListeningMessageSearchIndex;
import org.apache.james.mailbox.store.search.SimpleMessageSearchIndex;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * govmail's search index for James: a Lucene 10 index of headers, body and attachment text, Vietnamese-aware,
 * fed by mailbox events and self-repairing after a crash. See docs/search.md.
 *
 * <p>Events: "added" is queued and indexed in the background (delivery does not wait for Tika); "expunged" and
 * "mailbox deleted" remove documents at once; flag changes need nothing, because flags are always read from the
 * mailbox itself at search time. A rename keeps the mailbox id, so the documents stay valid.
 */
@Singleton
public class LuceneMessageSearchIndex extends ListeningMessageSearchIndex {
    public static class SearchIndexGroup extends Group {
    }

    private static final Group GROUP = new SearchIndexGroup();

    private final MailboxSessionMapperFactory mappers;
    private final SessionProvider sessions;
    private final MessageIndexer indexer;
    private final IndexingQueue queue;
    private final IndexedSearch indexedSearch;
    private final SimpleMessageSearchIndex scanning;

    @Inject
    LuceneMessageSearchIndex(MailboxSessionMapperFactory mappers, SessionProvider sessions, SearchComponents components,
                             SimpleMessageSearchIndex scanning) {
        super(mappers, ImmutableSet.of(), sessions);
        this.mappers = mappers;
        this.sessions = sessions;
        this.indexer = components.indexer();
        this.queue = components.queue();
        this.indexedSearch = components.indexedSearch();
        this.scanning = scanning;
    }

    @Override
    public Group getDefaultGroup() {
        return GROUP;
    }

    @Override
    public Mono<Void> reactiveEvent(Event event) {
        if (event instanceof Added added) {
            queue.submit(added.getUsername(), added.getMailboxId(), ImmutableList.copyOf(added.getUids()));
            return Mono.empty();
        }
        if (event instanceof FlagsUpdated) {
            return Mono.empty();
        }
        return super.reactiveEvent(event);
    }

    @Override
    protected Flux<MessageUid> doSearch(MailboxSession session, Mailbox mailbox, SearchQuery searchQuery) throws MailboxException {
        return Flux.fromIterable(indexedSearch.search(session, mailbox, searchQuery));
    }

    /** Across mailboxes (JMAP, not served by govmail): the scanning search, which is exact. */
    @Override
    public Flux<MessageId> search(MailboxSession session, Collection<MailboxId> mailboxIds, SearchQuery searchQuery, long limit) throws MailboxException {
        return scanning.search(session, mailboxIds, searchQuery, limit);
    }

    @Override
    public EnumSet<MailboxManager.SearchCapabilities> getSupportedCapabilities(EnumSet<MailboxManager.MessageCapabilities> messageCapabilities) {
        return scanning.getSupportedCapabilities(messageCapabilities);
    }

    @Override
    public Mono<Void> add(MailboxSession session, Mailbox mailbox, MailboxMessage message) {
        return Mono.<Void>fromCallable(() -> {
            indexer.index(mailbox, message);
            return null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> delete(MailboxSession session, MailboxId mailboxId, Collection<MessageUid> expungedUids) {
        return Mono.fromRunnable(() -> indexer.delete(mailboxId, expungedUids));
    }

    @Override
    public Mono<Void> deleteAll(MailboxSession session, MailboxId mailboxId) {
        return Mono.fromRunnable(() -> indexer.deleteMailbox(mailboxId));
    }

    /** Flags are not copied into the index (see the class comment). */
    @Override
    public Mono<Void> update(MailboxSession session, MailboxId mailboxId, List<UpdatedFlags> updatedFlagsList) {
        return Mono.empty();
    }

    /** The flags search uses: the mailbox's own, so the re-indexer never finds them outdated. */
    @Override
    public Mono<Flags> retrieveIndexedFlags(Mailbox mailbox, MessageUid uid) {
        MailboxSession session = sessions.createSystemSession(mailbox.getUser());
        return mappers.getMessageMapper(session)
            .findInMailboxReactive(mailbox, MessageRange.one(uid), MessageMapper.FetchType.METADATA, 1)
            .next()
            .map(MailboxMessage::createFlags);
    }
}

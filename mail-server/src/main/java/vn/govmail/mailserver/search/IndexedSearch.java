package vn.govmail.mailserver.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.james.mailbox.AttachmentContentLoader;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.extractor.TextExtractor;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.MessageMapper.FetchType;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.search.MessageSearches;
import org.apache.james.mailbox.store.search.comparator.CombinedComparator;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;

/**
 * IMAP SEARCH on one mailbox. The mailbox metadata in PostgreSQL (UIDs, flags, sizes, dates, modseqs) is always
 * read, so flag, UID, size, date and OR/NOT logic is exact and never stale. Text criteria (BODY, TEXT, SUBJECT,
 * FROM, TO, CC, BCC, HEADER) are answered by the index; everything else, and any message the index cannot answer
 * for (text cut by the size bounds, or not indexed yet and over the per-search indexing budget), goes through
 * James's own scanning matcher — the same code the scanning search uses.
 */
final class IndexedSearch {
    /** Messages missing from the index that one search indexes on the spot; beyond that it scans them. */
    private static final int INDEX_AT_SEARCH_LIMIT = 200;

    private final MailboxSessionMapperFactory mappers;
    private final MailboxReconciler reconciler;
    private final IndexedTextMatcher matcher;
    private final SearchIndexStore store;
    private final TextExtractor textExtractor;
    private final AttachmentContentLoader attachmentContentLoader;

    IndexedSearch(MailboxSessionMapperFactory mappers, MailboxReconciler reconciler, IndexedTextMatcher matcher,
                  SearchIndexStore store, TextExtractor textExtractor, AttachmentContentLoader attachmentContentLoader) {
        this.mappers = mappers;
        this.reconciler = reconciler;
        this.matcher = matcher;
        this.store = store;
        this.textExtractor = textExtractor;
        this.attachmentContentLoader = attachmentContentLoader;
    }

    List<MessageUid> search(MailboxSession session, Mailbox mailbox, SearchQuery query) throws MailboxException {
        Map<SearchQuery.Criterion, IndexedTextCriterion> indexed = new IdentityHashMap<>();
        FetchType fetchType = plan(query.getCriteria(), indexed, FetchType.METADATA);
        if (TextOnlyQuery.applies(query)) {
            var answer = searchByUidsOnly(session, mailbox, query, indexed);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        if (query.getSorts().stream().anyMatch(sort -> needsHeaders(sort.getSortClause()))) {
            fetchType = widest(fetchType, FetchType.HEADERS);
        }
        MessageMapper messageMapper = mappers.getMessageMapper(session);
        List<MailboxMessage> messages = new ArrayList<>();
        messageMapper.findInMailbox(mailbox, MessageRange.all(), fetchType, -1).forEachRemaining(messages::add);

        Evaluation evaluation = new Evaluation(session, mailbox, query, messageMapper);
        if (!indexed.isEmpty()) {
            Set<Long> existing = new HashSet<>();
            messages.forEach(message -> existing.add(message.getUid().asLong()));
            evaluation.scanned.addAll(reconciler.reconcile(session, mailbox, existing, INDEX_AT_SEARCH_LIMIT));
            evaluation.scanned.addAll(truncatedUids(mailbox));
            String mailboxId = mailbox.getMailboxId().serialize();
            indexed.forEach((criterion, text) -> evaluation.indexedMatches.put(criterion, matcher.matchingUids(mailboxId, text)));
        }
        List<MailboxMessage> matching = new ArrayList<>();
        for (MailboxMessage message : messages) {
            if (evaluation.all(query.getCriteria(), message)) {
                matching.add(message);
            }
        }
        matching.sort(CombinedComparator.create(query.getSorts()));
        return matching.stream().map(MailboxMessage::getUid).toList();
    }

    /** See {@link TextOnlyQuery}; empty when some message must be scanned (then the general path does it). */
    private java.util.Optional<List<MessageUid>> searchByUidsOnly(MailboxSession session, Mailbox mailbox, SearchQuery query,
                                                                  Map<SearchQuery.Criterion, IndexedTextCriterion> indexed) throws MailboxException {
        var missing = reconciler.quickCheck(mailbox);
        if (missing.isPresent()) {
            // The index is known to hold the mailbox except the few messages above its highest UID: index those now.
            if (missing.get().size() > INDEX_AT_SEARCH_LIMIT || !reconciler.indexNow(session, mailbox, missing.get())
                || !truncatedUids(mailbox).isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(TextOnlyQuery.evaluate(query.getCriteria(), () -> reconciler.indexedUids(mailbox),
                textMatches(mailbox, indexed)));
        }
        Set<Long> existing = reconciler.existingUids(session, mailbox);
        Set<Long> scanned = new HashSet<>(reconciler.reconcile(session, mailbox, existing, INDEX_AT_SEARCH_LIMIT));
        scanned.addAll(truncatedUids(mailbox));
        scanned.retainAll(existing);
        if (!scanned.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<SearchQuery.Criterion, Set<Long>> matches = textMatches(mailbox, indexed);
        // A document of a message expunged meanwhile must not answer: keep the text matches inside the listed UIDs.
        matches.values().forEach(uids -> uids.retainAll(existing));
        return java.util.Optional.of(TextOnlyQuery.evaluate(query.getCriteria(), () -> existing, matches));
    }

    private Map<SearchQuery.Criterion, Set<Long>> textMatches(Mailbox mailbox, Map<SearchQuery.Criterion, IndexedTextCriterion> indexed) {
        String mailboxId = mailbox.getMailboxId().serialize();
        Map<SearchQuery.Criterion, Set<Long>> matches = new IdentityHashMap<>();
        indexed.forEach((criterion, text) -> matches.put(criterion, matcher.matchingUids(mailboxId, text)));
        return matches;
    }

    private Set<Long> truncatedUids(Mailbox mailbox) {
        return store.uids(new BooleanQuery.Builder()
            .add(new TermQuery(new Term(IndexFields.MAILBOX, mailbox.getMailboxId().serialize())), BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(IndexFields.TRUNCATED, "yes")), BooleanClause.Occur.FILTER)
            .build());
    }

    /** Finds the indexed criteria, and how much of each message the other criteria need. */
    private static FetchType plan(List<SearchQuery.Criterion> criteria, Map<SearchQuery.Criterion, IndexedTextCriterion> indexed, FetchType fetchType) {
        for (SearchQuery.Criterion criterion : criteria) {
            if (criterion instanceof SearchQuery.ConjunctionCriterion conjunction) {
                fetchType = plan(conjunction.getCriteria(), indexed, fetchType);
                continue;
            }
            var text = IndexedTextCriterion.of(criterion);
            if (text.isPresent()) {
                indexed.put(criterion, text.get());
            } else if (criterion instanceof SearchQuery.HeaderCriterion) {
                fetchType = widest(fetchType, FetchType.HEADERS);
            } else if (criterion instanceof SearchQuery.TextCriterion || criterion instanceof SearchQuery.AttachmentCriterion) {
                fetchType = FetchType.FULL;
            }
        }
        return fetchType;
    }

    private static boolean needsHeaders(SearchQuery.Sort.SortClause clause) {
        return switch (clause) {
            case Arrival, Size, Uid, Id -> false;
            default -> true;
        };
    }

    private static FetchType widest(FetchType a, FetchType b) {
        if (a == FetchType.FULL || b == FetchType.FULL) {
            return FetchType.FULL;
        }
        return a == FetchType.HEADERS || b == FetchType.HEADERS ? FetchType.HEADERS : FetchType.METADATA;
    }

    /** The evaluation of one query over the messages of one mailbox. */
    private final class Evaluation {
        final Map<SearchQuery.Criterion, Set<Long>> indexedMatches = new IdentityHashMap<>();
        final Set<Long> scanned = new HashSet<>();
        private final Map<Long, MailboxMessage> fullMessages = new HashMap<>();
        private final MessageSearches james;
        private final Collection<MessageUid> recent;
        private final Mailbox mailbox;
        private final MessageMapper messageMapper;

        Evaluation(MailboxSession session, Mailbox mailbox, SearchQuery query, MessageMapper messageMapper) {
            this.james = new MessageSearches(Collections.emptyIterator(), query, textExtractor, attachmentContentLoader, session);
            this.recent = query.getRecentMessageUids();
            this.mailbox = mailbox;
            this.messageMapper = messageMapper;
        }

        boolean all(List<SearchQuery.Criterion> criteria, MailboxMessage message) throws MailboxException {
            for (SearchQuery.Criterion criterion : criteria) {
                if (!matches(criterion, message)) {
                    return false;
                }
            }
            return true;
        }

        private boolean matches(SearchQuery.Criterion criterion, MailboxMessage message) throws MailboxException {
            if (criterion instanceof SearchQuery.ConjunctionCriterion conjunction) {
                return switch (conjunction.getType()) {
                    case AND -> all(conjunction.getCriteria(), message);
                    case OR -> any(conjunction.getCriteria(), message);
                    case NOR -> !any(conjunction.getCriteria(), message);
                };
            }
            Set<Long> matches = indexedMatches.get(criterion);
            long uid = message.getUid().asLong();
            if (matches == null) {
                return james.isMatch(criterion, message, recent);
            }
            if (scanned.contains(uid)) {
                return james.isMatch(criterion, fullMessage(message), recent);
            }
            return matches.contains(uid);
        }

        private boolean any(List<SearchQuery.Criterion> criteria, MailboxMessage message) throws MailboxException {
            for (SearchQuery.Criterion criterion : criteria) {
                if (matches(criterion, message)) {
                    return true;
                }
            }
            return false;
        }

        private MailboxMessage fullMessage(MailboxMessage message) throws MailboxException {
            MailboxMessage cached = fullMessages.get(message.getUid().asLong());
            if (cached != null) {
                return cached;
            }
            var found = messageMapper.findInMailbox(mailbox, MessageRange.one(message.getUid()), FetchType.FULL, 1);
            MailboxMessage full = found.hasNext() ? found.next() : message;
            fullMessages.put(message.getUid().asLong(), full);
            return full;
        }
    }
}

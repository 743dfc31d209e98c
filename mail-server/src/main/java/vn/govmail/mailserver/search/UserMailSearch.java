package vn.govmail.mailserver.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.SessionProvider;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.mailbox.store.MailboxSessionMapperFactory;
import org.apache.james.mailbox.store.mail.MessageMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.mailbox.DefaultFolder;

/**
 * One user's search of their own mail (the user API and the admin route of the webmail search box): the user's
 * own mailboxes only (no shared or role mailboxes), brought up to date in the index first, ranked by
 * {@link RankedSearch}, and every returned hit confirmed in the mailbox store (so an expunged message never comes
 * back, whatever the index still holds) with its flags, size and the folder's UIDVALIDITY.
 */
public class UserMailSearch {
    private static final Logger LOGGER = LoggerFactory.getLogger(UserMailSearch.class);
    /** Messages missing from the index (delivered a moment ago) that one search indexes per mailbox before answering. */
    private static final int INDEX_AT_SEARCH_LIMIT = 200;

    public record Hit(String folder, String mailboxId, long uid, long uidValidity, String from, String subject, Instant date,
                      long size, List<String> flags, boolean hasAttachment, float score, String snippet, List<int[]> highlights,
                      String snippetHtml) {
    }

    public record Page(List<Hit> hits, boolean more) {
    }

    /** The folder asked for is not one of the user's. */
    public static final class UnknownFolderException extends Exception {
        UnknownFolderException(String folder) {
            super("No folder '" + folder + "'");
        }
    }

    private final MailboxSessionMapperFactory mappers;
    private final SessionProvider sessions;
    private final MailboxReconciler reconciler;
    private final RankedSearch ranked;

    UserMailSearch(MailboxSessionMapperFactory mappers, SessionProvider sessions, MailboxReconciler reconciler, RankedSearch ranked) {
        this.mappers = mappers;
        this.sessions = sessions;
        this.reconciler = reconciler;
        this.ranked = ranked;
    }

    public Page search(Username user, UserSearchCriteria criteria, int offset, int limit) throws MailboxException, IOException, UnknownFolderException {
        MailboxSession session = sessions.createSystemSession(user);
        try {
            Map<String, Mailbox> scope = new HashMap<>();
            for (Mailbox mailbox : searched(session, user, criteria)) {
                scope.put(mailbox.getMailboxId().serialize(), mailbox);
                catchUp(session, mailbox);
            }
            MessageMapper messages = mappers.getMessageMapper(session);
            RankedSearch.Page<MailboxMessage> page = ranked.search(scope.keySet(), criteria, offset, limit,
                candidate -> stored(messages, scope.get(candidate.mailboxId()), candidate.uid()));
            List<Hit> hits = new ArrayList<>();
            for (RankedSearch.Hit<MailboxMessage> hit : page.hits()) {
                hits.add(hit(scope.get(hit.candidate().mailboxId()), hit));
            }
            return new Page(hits, page.more());
        } finally {
            mappers.endProcessingRequest(session);
        }
    }

    private List<Mailbox> searched(MailboxSession session, Username user, UserSearchCriteria criteria) throws UnknownFolderException {
        List<Mailbox> own = mappers.getMailboxMapper(session)
            .findMailboxWithPathLike(MailboxQuery.builder().privateNamespace().user(user).matchesAllMailboxNames().build().asUserBound())
            .filter(mailbox -> user.equals(mailbox.getUser()))
            .collectList().block();
        if (criteria.folder().isPresent()) {
            String wanted = criteria.folder().get();
            return own.stream().filter(mailbox -> sameFolder(mailbox.getName(), wanted)).findFirst().map(List::of)
                .orElseThrow(() -> new UnknownFolderException(wanted));
        }
        return own.stream().filter(mailbox -> criteria.includeTrashAndJunk() || !trashOrJunk(mailbox.getName())).toList();
    }

    private static boolean sameFolder(String name, String wanted) {
        return name.equals(wanted) || (name.equalsIgnoreCase("INBOX") && wanted.equalsIgnoreCase("INBOX"));
    }

    /** Trash, Junk (or Spam) and their subfolders. */
    static boolean trashOrJunk(String name) {
        int delimiter = name.indexOf(MailboxConstants.DEFAULT_DELIMITER);
        String top = delimiter < 0 ? name : name.substring(0, delimiter);
        return DefaultFolder.fromImapName(top).map(folder -> folder == DefaultFolder.TRASH || folder == DefaultFolder.JUNK).orElse(false);
    }

    /**
     * Indexes what the index lacks (messages delivered a moment ago whose indexing is still queued) and forgets
     * expunged ones, within a budget: the index is the one of IMAP SEARCH, so this is its usual cheap check.
     */
    private void catchUp(MailboxSession session, Mailbox mailbox) {
        try {
            Optional<List<Long>> missing = reconciler.quickCheck(mailbox);
            if (missing.isPresent()) {
                List<Long> uids = missing.get();
                reconciler.indexNow(session, mailbox, uids.subList(0, Math.min(uids.size(), INDEX_AT_SEARCH_LIMIT)));
            } else {
                reconciler.reconcile(session, mailbox, reconciler.existingUids(session, mailbox), INDEX_AT_SEARCH_LIMIT);
            }
        } catch (Exception e) {
            LOGGER.warn("Search of {}: mailbox {} could not be brought up to date in the index, searching what it holds: {}",
                session.getUser().asString(), mailbox.getMailboxId().serialize(), e.toString());
        }
    }

    private static Optional<MailboxMessage> stored(MessageMapper messages, Mailbox mailbox, long uid) throws IOException {
        try {
            var found = messages.findInMailbox(mailbox, MessageRange.one(MessageUid.of(uid)), MessageMapper.FetchType.METADATA, 1);
            return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
        } catch (MailboxException e) {
            throw new IOException("Could not read message " + uid + " of mailbox " + mailbox.getMailboxId().serialize(), e);
        }
    }

    private static Hit hit(Mailbox mailbox, RankedSearch.Hit<MailboxMessage> hit) {
        MailboxMessage message = hit.checked();
        RankedSearch.Candidate candidate = hit.candidate();
        return new Hit(mailbox.getName(), candidate.mailboxId(), candidate.uid(), mailbox.getUidValidity().asLong(),
            nullToEmpty(candidate.from()), nullToEmpty(candidate.subject()), message.getInternalDate().toInstant(),
            message.getFullContentOctets(), flags(message.createFlags()), candidate.hasAttachment(), candidate.score(),
            hit.snippet().text(), hit.snippet().highlights(), hit.snippet().html());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** IMAP flag names, system flags first. */
    static List<String> flags(Flags flags) {
        List<String> names = new ArrayList<>();
        for (Flags.Flag flag : flags.getSystemFlags()) {
            if (flag == Flags.Flag.ANSWERED) {
                names.add("\\Answered");
            } else if (flag == Flags.Flag.DELETED) {
                names.add("\\Deleted");
            } else if (flag == Flags.Flag.DRAFT) {
                names.add("\\Draft");
            } else if (flag == Flags.Flag.FLAGGED) {
                names.add("\\Flagged");
            } else if (flag == Flags.Flag.RECENT) {
                names.add("\\Recent");
            } else if (flag == Flags.Flag.SEEN) {
                names.add("\\Seen");
            }
        }
        names.addAll(List.of(flags.getUserFlags()));
        return names;
    }
}

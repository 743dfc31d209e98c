package vn.govmail.mailserver.spam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.lifecycle.api.Startable;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonFormat;

import vn.govmail.mailserver.spam.QuarantineReleases.State;
import vn.govmail.spamfilter.LearnRequest;

/**
 * Quarantined mail, kept durably in a James mail repository (PostgreSQL through JPA), one repository entry per
 * quarantined mail with all its recipients. What happened for each recipient (released, deleted) is kept in
 * {@link QuarantineReleases}: an entry is listed for the recipients still pending and leaves the repository when
 * none is left.
 *
 * <p>A release claims the recipients durably, puts a copy for exactly those recipients back on the spool at the
 * transport processor (marked with the release key and attempt, so that {@link SpamVerdictMailet} neither filters
 * it again nor lets a stale copy through), and trains the classifier with the message as ham. A user releases and
 * deletes only for themself; the admin releases for every pending recipient.
 */
public class Quarantine implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(Quarantine.class);

    /**
     * One quarantined mail as listed: {@code sender} is the envelope's (MAIL FROM), {@code from} the decoded From
     * header; {@code recipients} are those still pending.
     */
    public record Entry(String key, String sender, String from, List<String> recipients, String subject, String score,
                        List<String> reasons, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant quarantinedAt) {
    }

    /** A release's or deletion's outcome. */
    public enum Outcome { DONE, NOT_FOUND, ALREADY_HANDLED }

    private final MailRepositoryStore repositories;
    private final MailQueueFactory<?> queues;
    private final SpamFilterService spamFilter;
    private final QuarantineReleases releases;
    private final QuarantineIndex index;

    @Inject
    public Quarantine(MailRepositoryStore repositories, MailQueueFactory<?> queues, SpamFilterService spamFilter,
                      QuarantineReleases releases, QuarantineIndex index) {
        this.repositories = repositories;
        this.queues = queues;
        this.spamFilter = spamFilter;
        this.releases = releases;
        this.index = index;
    }

    private MailRepository repository() throws MessagingException {
        try {
            return repositories.select(MailRepositoryUrl.from(spamFilter.quarantineRepository()));
        } catch (Exception e) {
            throw new MessagingException("quarantine repository unavailable", e);
        }
    }

    void store(Mail mail) throws MessagingException {
        SpamAttributes.markQuarantined(mail, Instant.now());
        MailKey key = repository().store(mail);
        try {
            index.add(entry(key.asString(), mail, recipients(mail)));
        } catch (SQLException e) {
            // the mail is kept all the same; the index is completed from the repository at the next start
            LOGGER.error("Quarantined mail {} is not listed until the next start: {}", key.asString(), e.getMessage());
        }
        LOGGER.info("Quarantined mail {} from {} to {} as {}", mail.getName(), mail.getMaybeSender().asString(),
            mail.getRecipients(), key.asString());
    }

    /** The entries matching the query, newest first, one page, from the index (not the repository). */
    public QuarantineIndex.Page list(QuarantineQuery query) throws MessagingException {
        return sql(() -> index.list(query));
    }

    /** Every entry with a pending recipient, read from the index a page at a time (the digest). */
    public List<Entry> listAll() throws MessagingException {
        List<Entry> all = new ArrayList<>();
        QuarantineQuery query = new QuarantineQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
            QuarantineQuery.MAX_LIMIT);
        while (true) {
            QuarantineQuery page = query;
            List<Entry> entries = sql(() -> index.list(page)).entries();
            all.addAll(entries);
            if (entries.size() < query.limit()) {
                return all;
            }
            query = query.next();
        }
    }

    /** One entry as its pending recipient {@code user} sees it, with a text preview; empty if not theirs. */
    public Optional<QuarantinePreview> preview(String key, Username user) throws MessagingException {
        MailRepository repository = repository();
        Mail mail = repository.retrieve(new MailKey(key));
        if (mail == null) {
            return Optional.empty();
        }
        try {
            List<String> pending = pending(mail, sql(() -> releases.handled(key)));
            if (!pending.contains(QuarantineReleases.normalise(user.asString()))) {
                return Optional.empty();
            }
            return Optional.of(QuarantinePreview.of(entry(key, mail, List.of(QuarantineReleases.normalise(user.asString()))), mail.getMessage()));
        } finally {
            dispose(mail);
        }
    }

    /** Releases the mail to its pending recipients (the admin). */
    public Outcome release(String key, String actor) throws MessagingException {
        return handle(key, Optional.empty(), State.RELEASING, actor);
    }

    /** Deletes the mail for all its pending recipients (the admin); nothing is delivered. */
    public Outcome delete(String key, String actor) throws MessagingException {
        return handle(key, Optional.empty(), State.DELETED, actor);
    }

    /** Releases the mail to this user only, if it was quarantined for them. */
    public Outcome releaseFor(String key, Username user) throws MessagingException {
        return handle(key, Optional.of(user), State.RELEASING, "user:" + user.asString());
    }

    /** Deletes the mail for this user only (the others keep it in quarantine). */
    public Outcome deleteFor(String key, Username user) throws MessagingException {
        return handle(key, Optional.of(user), State.DELETED, "user:" + user.asString());
    }

    private Outcome handle(String key, Optional<Username> user, State state, String actor) throws MessagingException {
        MailRepository repository = repository();
        Mail mail = repository.retrieve(new MailKey(key));
        Set<String> handledBefore = sql(() -> releases.handled(key));
        if (mail == null) {
            boolean known = user.map(u -> handledBefore.contains(QuarantineReleases.normalise(u.asString()))).orElse(!handledBefore.isEmpty());
            return known ? Outcome.ALREADY_HANDLED : Outcome.NOT_FOUND;
        }
        try {
            List<String> all = mail.getRecipients().stream().map(r -> QuarantineReleases.normalise(r.asString())).toList();
            List<String> targets = user.map(u -> QuarantineReleases.normalise(u.asString()))
                .map(u -> all.contains(u) ? List.of(u) : List.<String>of()).orElse(all);
            if (targets.isEmpty()) {
                return Outcome.NOT_FOUND;    // not this user's mail: do not reveal it exists
            }
            String attempt = state == State.RELEASING ? UUID.randomUUID().toString() : null;
            Set<String> claimed = sql(() -> releases.claim(key, targets, state, attempt, actor));
            if (claimed.isEmpty()) {
                return Outcome.ALREADY_HANDLED;
            }
            if (state == State.RELEASING) {
                try {
                    enqueueCopy(key, mail, claimed, attempt);
                } catch (MessagingException | RuntimeException e) {
                    // nothing was queued: give the claim back so that the mail stays listed and can be released again
                    sql(() -> {
                        releases.unclaim(key, claimed, attempt);
                        return null;
                    });
                    throw e;
                }
                learnAsHam(mail);
                LOGGER.info("Released quarantined mail {} to {} ({})", key, claimed, actor);
            } else {
                LOGGER.info("Deleted quarantined mail {} for {} ({})", key, claimed, actor);
            }
            removeWhenNobodyPending(repository, key, all);
            return Outcome.DONE;
        } finally {
            dispose(mail);
        }
    }

    /**
     * After a restart: re-queues, under a new attempt, the releases whose copy may not have reached the spool (the
     * claim is written, the entry is still in the repository). Releases whose entry already left the repository had
     * their copy on the spool first, which is durable.
     */
    public void recover() {
        try {
            reconcileIndex();
            requeueInterruptedReleases();
        } catch (MessagingException | RuntimeException e) {
            // the rows stay "releasing" (nothing is delivered twice); the next start tries again
            LOGGER.error("Could not finish the interrupted quarantine releases: {}", e.toString());
        }
    }

    /**
     * Lists what the repository holds and the index misses (mail quarantined before the index existed, or while the
     * database failed), and forgets what left the repository some other way (e.g. James's mail repository routes).
     */
    private void reconcileIndex() throws MessagingException {
        MailRepository repository = repository();
        Set<String> indexed = sql(index::keys);
        Set<String> stored = new java.util.HashSet<>();
        int added = 0;
        for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
            MailKey key = keys.next();
            stored.add(key.asString());
            if (indexed.contains(key.asString())) {
                continue;
            }
            Mail mail = repository.retrieve(key);
            if (mail != null) {
                try {
                    Entry entry = entry(key.asString(), mail, recipients(mail));
                    sql(() -> {
                        index.add(entry);
                        return null;
                    });
                    added++;
                } finally {
                    dispose(mail);
                }
            }
        }
        for (String key : indexed) {
            if (!stored.contains(key)) {
                sql(() -> {
                    index.remove(key);
                    return null;
                });
            }
        }
        if (added > 0) {
            LOGGER.info("Listed {} quarantined mail(s) kept before they were indexed", added);
        }
    }

    private void requeueInterruptedReleases() throws MessagingException {
        MailRepository repository = repository();
        for (QuarantineReleases.Pending pending : sql(releases::releasing)) {
            Mail mail = repository.retrieve(new MailKey(pending.mailKey()));
            if (mail == null) {
                continue;
            }
            try {
                String attempt = UUID.randomUUID().toString();
                sql(() -> {
                    releases.reattempt(pending.mailKey(), pending.recipient(), attempt);
                    return null;
                });
                enqueueCopy(pending.mailKey(), mail, Set.of(pending.recipient()), attempt);
                LOGGER.info("Recovered the release of quarantined mail {} to {}", pending.mailKey(), pending.recipient());
                removeWhenNobodyPending(repository, pending.mailKey(),
                    mail.getRecipients().stream().map(r -> QuarantineReleases.normalise(r.asString())).toList());
            } finally {
                dispose(mail);
            }
        }
    }

    /**
     * Called by the mailet for a released copy: keeps the recipients this copy may still deliver to (marking them
     * delivered) and answers whether any is left. Copies of a superseded attempt keep none.
     */
    boolean admitReleased(Mail mail) throws MessagingException {
        Optional<String[]> release = SpamAttributes.release(mail);
        if (release.isEmpty()) {
            return true;    // released before release keys existed
        }
        String key = release.get()[0];
        String attempt = release.get()[1];
        List<MailAddress> admitted = new ArrayList<>();
        Boolean currentAttempt = null;
        for (MailAddress recipient : mail.getRecipients()) {
            if (sql(() -> releases.markDelivered(key, recipient.asString(), attempt))) {
                admitted.add(recipient);
                continue;
            }
            // No claim under this name: either a stale copy (its attempt was replaced at recovery: drop it) or the
            // copy of the current attempt whose recipient the transport rewrote (the account was renamed, the address
            // is now an alias or a group): deliver it rather than lose it.
            if (currentAttempt == null) {
                currentAttempt = sql(() -> releases.isCurrentAttempt(key, attempt));
            }
            if (currentAttempt) {
                LOGGER.info("Released mail {} goes to {}, the rewritten address of a claimed recipient", key, recipient.asString());
                admitted.add(recipient);
            }
        }
        if (admitted.size() < mail.getRecipients().size()) {
            LOGGER.warn("Dropped a stale copy of released mail {} for {}", key, mail.getRecipients().stream()
                .filter(r -> !admitted.contains(r)).toList());
        }
        mail.setRecipients(admitted);
        return !admitted.isEmpty();
    }

    private void enqueueCopy(String key, Mail mail, Collection<String> recipients, String attempt) throws MessagingException {
        MailImpl copy = MailImpl.duplicate(mail);
        try {
            List<MailAddress> addresses = new ArrayList<>();
            for (MailAddress recipient : mail.getRecipients()) {
                if (recipients.contains(QuarantineReleases.normalise(recipient.asString()))) {
                    addresses.add(recipient);
                }
            }
            copy.setRecipients(addresses);
            copy.setAttribute(new Attribute(SpamAttributes.RELEASED, AttributeValue.of(true)));
            SpamAttributes.markRelease(copy, key, attempt);
            copy.setState("transport");
            spool().enQueue(copy);
        } finally {
            dispose(copy);
        }
    }

    private MailQueue spool() {
        return queues.getQueue(MailQueueFactory.SPOOL).map(MailQueue.class::cast)
            .orElseGet(() -> queues.createQueue(MailQueueFactory.SPOOL));
    }

    private void removeWhenNobodyPending(MailRepository repository, String key, List<String> recipients) throws MessagingException {
        Set<String> handled = sql(() -> releases.handled(key));
        if (handled.containsAll(recipients)) {
            repository.remove(new MailKey(key));
            sql(() -> {
                index.remove(key);
                return null;
            });
        }
    }

    private void learnAsHam(Mail mail) throws MessagingException {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mail.getMessage().writeTo(raw);
            String domain = mail.getRecipients().stream().findFirst().map(r -> r.getDomain().asString()).orElse("");
            spamFilter.filter().learnLater(new LearnRequest(raw.toByteArray(), false, domain));
        } catch (IOException e) {
            throw new MessagingException("cannot read the quarantined mail", e);
        }
    }

    private static List<String> recipients(Mail mail) {
        return mail.getRecipients().stream().map(r -> QuarantineReleases.normalise(r.asString())).toList();
    }

    private static List<String> pending(Mail mail, Set<String> handled) {
        return mail.getRecipients().stream().map(r -> QuarantineReleases.normalise(r.asString()))
            .filter(r -> !handled.contains(r)).toList();
    }

    private static Entry entry(String key, Mail mail, List<String> recipients) throws MessagingException {
        return new Entry(key, mail.getMaybeSender().asString(""), QuarantinePreview.header(mail.getMessage(), "From"), recipients,
            Optional.ofNullable(mail.getMessage().getSubject()).orElse(""), SpamAttributes.score(mail).orElse(""),
            SpamAttributes.reasons(mail), SpamAttributes.quarantinedAt(mail).orElseGet(() -> mail.getLastUpdated().toInstant()));
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T sql(SqlCall<T> call) throws MessagingException {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new MessagingException("quarantine state unavailable: " + e.getMessage(), e);
        }
    }

    private static void dispose(Mail mail) {
        try {
            LifecycleUtil.dispose(mail);
        } catch (RuntimeException ignored) {
            // nothing to free
        }
    }
}

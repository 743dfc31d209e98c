package vn.govmail.mailserver.quota;

import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.inject.Inject;
import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.events.MailboxEvents.QuotaUsageUpdatedEvent;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.store.quota.DefaultUserQuotaRootResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends {@link QuotaWarningMessage}s at 80 % and 95 % of an account's quota (storage or message count, whichever
 * is fuller), once per crossing: the level last warned about is kept in {@link QuotaWarningStore}, so the next
 * warning comes only after a higher threshold is crossed, or after usage fell below a threshold and rose again.
 *
 * <p>James's {@code apache-james-mailbox-quota-mailing} does the same with an event-sourced history, but 3.8.1
 * ships its event store only in memory (lost at restart: warnings repeat) and for Cassandra; this listener keeps
 * one row per account in our PostgreSQL instead. The warning is appended to the INBOX directly (it cannot bounce,
 * and it is not subject to the user's Sieve rules).
 */
public class QuotaWarningListener implements EventListener.GroupEventListener {
    public static class QuotaWarningListenerGroup extends Group {
    }

    static final int[] LEVELS = {95, 80};
    private static final Logger LOGGER = LoggerFactory.getLogger(QuotaWarningListener.class);
    private static final Group GROUP = new QuotaWarningListenerGroup();
    private static final String USER_ROOT_PREFIX = "#private" + DefaultUserQuotaRootResolver.SEPARATOR;

    private final QuotaWarningStore store;
    private final MailboxManager mailboxManager;
    private final ConcurrentMap<Username, Object> locks = new ConcurrentHashMap<>();

    @Inject
    public QuotaWarningListener(QuotaWarningStore store, MailboxManager mailboxManager) {
        this.store = store;
        this.mailboxManager = mailboxManager;
    }

    @Override
    public Group getDefaultGroup() {
        return GROUP;
    }

    @Override
    public boolean isHandling(Event event) {
        return event instanceof QuotaUsageUpdatedEvent updated && updated.getQuotaRoot().getValue().startsWith(USER_ROOT_PREFIX);
    }

    @Override
    public void event(Event event) throws Exception {
        QuotaUsageUpdatedEvent updated = (QuotaUsageUpdatedEvent) event;
        Username owner = Username.of(updated.getQuotaRoot().getValue().substring(USER_ROOT_PREFIX.length()));
        int level = level(Math.max(updated.getSizeQuota().getRatio(), updated.getCountQuota().getRatio()));
        int previous;
        synchronized (locks.computeIfAbsent(owner, user -> new Object())) {
            previous = store.level(owner);
            if (level == previous) {
                return;
            }
            store.setLevel(owner, level);
        }
        if (level > previous) {
            // Off the event thread: appending dispatches mailbox events of its own.
            Mono.fromRunnable(() -> send(owner, level, previous, updated.getSizeQuota(), updated.getCountQuota()))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
        }
    }

    static int level(double ratio) {
        for (int level : LEVELS) {
            if (ratio * 100 >= level) {
                return level;
            }
        }
        return 0;
    }

    private void send(Username owner, int level, int previous, Quota<?, ?> size, Quota<?, ?> count) {
        try {
            byte[] message = QuotaWarningMessage.render(owner, level, size.getUsed().asLong(), limit(size), count.getUsed().asLong(), limit(count));
            MailboxSession session = mailboxManager.createSystemSession(owner);
            try {
                MessageManager inbox = mailboxManager.getMailbox(MailboxPath.inbox(owner), session);
                inbox.appendMessage(MessageManager.AppendCommand.builder()
                    .withInternalDate(new Date())
                    .withFlags(new Flags())
                    .recent()
                    .delivery()
                    .build(message), session);
                LOGGER.info("Quota warning {}% sent to {}", level, owner.asString());
            } finally {
                mailboxManager.endProcessingRequest(session);
            }
        } catch (Exception e) {
            LOGGER.warn("Cannot deliver the {}% quota warning to {}: {}", level, owner.asString(), e.getMessage());
            try {
                store.setLevel(owner, previous); // try again at the next change
            } catch (Exception ignored) {
                LOGGER.warn("Cannot reset the quota warning level of {}", owner.asString());
            }
        }
    }

    private static long limit(Quota<?, ?> quota) {
        return quota.getLimit().isUnlimited() ? -1 : quota.getLimit().asLong();
    }
}

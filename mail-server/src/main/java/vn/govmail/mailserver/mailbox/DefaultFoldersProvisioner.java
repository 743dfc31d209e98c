package vn.govmail.mailserver.mailbox;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.events.MailboxEvents.MailboxAdded;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.MailboxPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Gives every user the full set of {@link DefaultFolder}s the moment their INBOX comes into existence,
 * whichever way that happens: first IMAP login, first delivered mail, the admin CLI or the webmail.
 */
public class DefaultFoldersProvisioner implements EventListener.GroupEventListener {
    public static class DefaultFoldersProvisionerGroup extends Group {
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(DefaultFoldersProvisioner.class);
    private static final Group GROUP = new DefaultFoldersProvisionerGroup();

    private final MailboxManager mailboxManager;

    @Inject
    public DefaultFoldersProvisioner(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    @Override
    public Group getDefaultGroup() {
        return GROUP;
    }

    @Override
    public boolean isHandling(Event event) {
        return event instanceof MailboxAdded added
            && added.getMailboxPath().getName().equalsIgnoreCase(DefaultFolder.INBOX.imapName());
    }

    /**
     * Runs off the event thread: creating mailboxes from inside a MailboxAdded listener would wait on the
     * very dispatch that is delivering this event.
     */
    @Override
    public void event(Event event) {
        Username user = ((MailboxAdded) event).getMailboxPath().getUser();
        Mono.fromCallable(() -> {
                provision(user);
                return user;
            })
            .subscribeOn(Schedulers.boundedElastic())
            .subscribe(done -> { }, error -> LOGGER.error("Cannot create the default folders of {}", user.asString(), error));
    }

    /** Creates (and subscribes) whichever default folders the user lacks; safe to call at any time. */
    public void provision(Username user) throws MailboxException {
        MailboxSession session = mailboxManager.createSystemSession(user);
        try {
            for (DefaultFolder folder : DefaultFolder.values()) {
                MailboxPath path = MailboxPath.forUser(user, folder.imapName());
                if (!Mono.from(mailboxManager.mailboxExists(path, session)).block()) {
                    try {
                        mailboxManager.createMailbox(path, MailboxManager.CreateOption.CREATE_SUBSCRIPTION, session);
                    } catch (MailboxExistsException e) {
                        LOGGER.debug("{} was created concurrently for {}", folder.imapName(), user.asString());
                    }
                }
            }
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }
}

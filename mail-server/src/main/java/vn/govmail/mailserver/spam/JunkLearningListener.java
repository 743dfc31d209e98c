package vn.govmail.mailserver.spam;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.events.Event;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.events.MailboxEvents.Added;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.mailserver.mailbox.DefaultFolder;
import vn.govmail.spamfilter.LearnRequest;

/**
 * Learning from users. A message a user puts into Junk (IMAP MOVE, COPY or APPEND; the webmail's "Spam"
 * button does the same) is learned as spam; a message the filter had flagged ({@code X-Spam-Status: Yes})
 * that the user puts into any other ordinary folder is learned as ham. Deliveries by the server itself
 * ({@code isDelivery}) teach nothing, so the filter never trains on its own verdicts. Learning goes to the
 * spam filter's SEDA route and happens in the background.
 */
public class JunkLearningListener implements EventListener.GroupEventListener {
    public static class JunkLearningListenerGroup extends Group {
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(JunkLearningListener.class);
    private static final Group GROUP = new JunkLearningListenerGroup();
    private static final byte[] FLAGGED = "X-Spam-Status: Yes".getBytes(StandardCharsets.US_ASCII);

    private final MailboxManager mailboxManager;
    private final SpamFilterService spamFilter;

    @Inject
    public JunkLearningListener(MailboxManager mailboxManager, SpamFilterService spamFilter) {
        this.mailboxManager = mailboxManager;
        this.spamFilter = spamFilter;
    }

    @Override
    public Group getDefaultGroup() {
        return GROUP;
    }

    @Override
    public boolean isHandling(Event event) {
        return event instanceof Added added && !added.isDelivery();
    }

    @Override
    public void event(Event event) throws Exception {
        Added added = (Added) event;
        Optional<DefaultFolder> folder = DefaultFolder.fromImapName(added.getMailboxPath().getName());
        boolean intoJunk = folder.filter(f -> f == DefaultFolder.JUNK).isPresent();
        boolean intoOrdinaryFolder = folder.isEmpty() || folder.get() == DefaultFolder.INBOX || folder.get() == DefaultFolder.ARCHIVE;
        if (!intoJunk && !intoOrdinaryFolder) {
            return;   // Trash, Sent, Drafts teach nothing
        }
        String user = added.getUsername().asString();
        String domain = user.contains("@") ? user.substring(user.indexOf('@') + 1) : "";
        MailboxSession session = mailboxManager.createSystemSession(added.getUsername());
        try {
            MessageManager mailbox = mailboxManager.getMailbox(added.getMailboxId(), session);
            for (MessageUid uid : added.getUids()) {
                byte[] raw = content(mailbox, uid, session);
                if (raw == null) {
                    continue;
                }
                if (intoJunk) {
                    spamFilter.filter().learnLater(new LearnRequest(raw, true, domain));
                    LOGGER.info("{} marked a message as spam: learning", user);
                } else if (flaggedAsSpam(raw)) {
                    spamFilter.filter().learnLater(new LearnRequest(raw, false, domain));
                    LOGGER.info("{} took a message out of Junk: learning it as ham", user);
                }
            }
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private static byte[] content(MessageManager mailbox, MessageUid uid, MailboxSession session) throws Exception {
        MessageResultIterator results = mailbox.getMessages(MessageRange.one(uid), FetchGroup.FULL_CONTENT, session);
        if (!results.hasNext()) {
            return null;   // already expunged
        }
        MessageResult result = results.next();
        try (InputStream in = result.getFullContent().getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        }
    }

    /** Our X-Spam-Status header said "Yes": only the headers are searched. */
    private static boolean flaggedAsSpam(byte[] raw) {
        int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        int limit = headerEnd < 0 ? raw.length : headerEnd;
        outer:
        for (int i = 0; i + FLAGGED.length <= limit; i++) {
            for (int j = 0; j < FLAGGED.length; j++) {
                if (raw[i + j] != FLAGGED[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

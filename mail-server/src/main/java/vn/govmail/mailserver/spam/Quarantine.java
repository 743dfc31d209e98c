package vn.govmail.mailserver.spam;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.spamfilter.LearnRequest;

/**
 * Quarantined mail, kept durably in a James mail repository (PostgreSQL through JPA). Listing filters by
 * recipient user or domain; a release puts the mail back on the spool at the transport processor, marked so
 * that it is not filtered again, removes it from the quarantine (so a second release finds nothing: delivered
 * exactly once) and trains the classifier with it as ham.
 */
public class Quarantine {
    private static final Logger LOGGER = LoggerFactory.getLogger(Quarantine.class);

    /** One quarantined mail, as listed. */
    public record Entry(String key, String sender, List<String> recipients, String subject, String score, Date received) {
    }

    private final MailRepositoryStore repositories;
    private final MailQueueFactory<?> queues;
    private final SpamFilterService spamFilter;

    @Inject
    public Quarantine(MailRepositoryStore repositories, MailQueueFactory<?> queues, SpamFilterService spamFilter) {
        this.repositories = repositories;
        this.queues = queues;
        this.spamFilter = spamFilter;
    }

    private MailRepository repository() throws MessagingException {
        try {
            return repositories.select(MailRepositoryUrl.from(spamFilter.quarantineRepository()));
        } catch (Exception e) {
            throw new MessagingException("quarantine repository unavailable", e);
        }
    }

    void store(Mail mail) throws MessagingException {
        MailKey key = repository().store(mail);
        LOGGER.info("Quarantined mail {} from {} to {} as {}", mail.getName(), mail.getMaybeSender().asString(),
            mail.getRecipients(), key.asString());
    }

    /** Entries whose recipients include the user (an address) or the domain; both empty lists everything. */
    public List<Entry> list(Optional<String> user, Optional<String> domain) throws MessagingException {
        MailRepository repository = repository();
        List<Entry> entries = new ArrayList<>();
        for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
            MailKey key = keys.next();
            Mail mail = repository.retrieve(key);
            if (mail == null) {
                continue;
            }
            try {
                List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
                boolean matches = user.map(u -> recipients.stream().anyMatch(r -> r.equalsIgnoreCase(u))).orElse(true)
                    && domain.map(d -> recipients.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).endsWith("@" + d.toLowerCase(Locale.ROOT)))).orElse(true);
                if (matches) {
                    entries.add(new Entry(key.asString(), mail.getMaybeSender().asString(""), recipients,
                        Optional.ofNullable(mail.getMessage().getSubject()).orElse(""), SpamAttributes.score(mail).orElse(""),
                        mail.getLastUpdated()));
                }
            } finally {
                dispose(mail);
            }
        }
        return entries;
    }

    /** Releases one mail; false when it is not (or no longer) in quarantine. */
    public synchronized boolean release(String key) throws MessagingException {
        MailRepository repository = repository();
        Mail mail = repository.retrieve(new MailKey(key));
        if (mail == null) {
            return false;
        }
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            mail.getMessage().writeTo(raw);
            mail.setAttribute(new Attribute(SpamAttributes.RELEASED, AttributeValue.of(true)));
            mail.setState("transport");
            MailQueue spool = queues.getQueue(MailQueueFactory.SPOOL)
                .orElseThrow(() -> new MessagingException("the spool queue is missing"));
            spool.enQueue(mail);
            repository.remove(new MailKey(key));
            for (MailAddress recipient : mail.getRecipients()) {
                spamFilter.filter().learnLater(new LearnRequest(raw.toByteArray(), false, recipient.getDomain().asString()));
                break;   // one training per message, with the first recipient's domain
            }
            LOGGER.info("Released quarantined mail {} to {}", key, mail.getRecipients());
            return true;
        } catch (java.io.IOException e) {
            throw new MessagingException("cannot read the quarantined mail", e);
        } finally {
            dispose(mail);
        }
    }

    private static void dispose(Mail mail) {
        try {
            org.apache.james.lifecycle.api.LifecycleUtil.dispose(mail);
        } catch (RuntimeException ignored) {
            // nothing to free
        }
    }
}

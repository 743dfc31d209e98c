package vn.govmail.mailserver.spam;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.mailet.Mail;
import org.apache.mailet.StorageDirective;
import org.apache.mailet.base.GenericMailet;

import vn.govmail.mailserver.mailbox.DefaultFolder;
import vn.govmail.spamfilter.Action;

/**
 * Applies the verdict the SMTP hook attached: adds {@code Authentication-Results}, {@code X-Spam-Score} and
 * {@code X-Spam-Status} (after removing any such headers the sender forged), files probable spam into each
 * recipient's Junk folder ("Thư rác") and moves quarantined mail into the quarantine repository. Mail without
 * a verdict (internal, bounces) and mail released from quarantine pass untouched. Place it after
 * RecipientRewriteTable (so recipients are accounts) and before Sieve (so a user's own rules win).
 */
public class SpamVerdictMailet extends GenericMailet {
    private static final String[] OWN_HEADERS = {"Authentication-Results", "X-Spam-Score", "X-Spam-Status", "X-Spam-Flag"};

    private final Quarantine quarantine;

    @Inject
    public SpamVerdictMailet(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (SpamAttributes.released(mail)) {
            // a copy of an earlier attempt of the same release (after a crash) or of a recipient already served
            if (!quarantine.admitReleased(mail)) {
                mail.setState(Mail.GHOST);
            }
            return;
        }
        Optional<Action> action = SpamAttributes.action(mail);
        if (action.isEmpty()) {
            return;
        }
        addHeaders(mail.getMessage(), SpamAttributes.headers(mail));
        switch (action.get()) {
            case JUNK -> fileIntoJunk(mail);
            case QUARANTINE, REJECT -> {
                quarantine.store(mail);
                mail.setState(Mail.GHOST);
            }
            default -> {
            }
        }
    }

    private static void addHeaders(MimeMessage message, Map<String, String> headers) throws MessagingException {
        for (String name : OWN_HEADERS) {
            message.removeHeader(name);
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            message.addHeader(header.getKey(), header.getValue());
        }
        message.saveChanges();
    }

    private static void fileIntoJunk(Mail mail) {
        for (MailAddress recipient : mail.getRecipients()) {
            StorageDirective.builder().targetFolder(DefaultFolder.JUNK.imapName()).build()
                .encodeAsAttributes(Username.of(recipient.asString()))
                .forEach(mail::setAttribute);
        }
    }

    @Override
    public String getMailetInfo() {
        return "govmail spam verdict: headers, Junk folder, quarantine";
    }
}

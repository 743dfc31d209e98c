package vn.govmail.mailserver.imap;

import org.apache.james.imap.api.process.MailboxType;
import org.apache.james.imap.api.process.MailboxTyper;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.mailbox.model.MailboxPath;

import vn.govmail.mailserver.mailbox.DefaultFolder;

/** Reports \Sent, \Drafts, \Trash, \Junk and \Archive for our default folders (James knows "Spam", not "Junk"). */
public class SpecialUseMailboxTyper implements MailboxTyper {
    @Override
    public MailboxType getMailboxType(ImapSession session, MailboxPath path) {
        return DefaultFolder.fromImapName(path.getName())
            .map(DefaultFolder::type)
            .orElse(MailboxType.OTHER);
    }
}

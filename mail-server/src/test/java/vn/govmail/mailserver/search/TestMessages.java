package vn.govmail.mailserver.search;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Date;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.model.Content;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.store.mail.model.DefaultMessageId;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.mail.model.impl.PropertyBuilder;
import org.apache.james.mailbox.store.mail.model.impl.SimpleMailboxMessage;

/** James mailbox messages built in memory from raw RFC 5322 bytes, for tests and the in-process benchmark. */
final class TestMessages {
    private TestMessages() {
    }

    static Mailbox inbox(String user, long id) {
        return new Mailbox(MailboxPath.inbox(Username.of(user)), UidValidity.of(1), JPAId.of(id));
    }

    static MailboxMessage message(Mailbox mailbox, long uid, byte[] raw) {
        Content content = new Content() {
            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(raw);
            }

            @Override
            public long size() {
                return raw.length;
            }
        };
        DefaultMessageId messageId = new DefaultMessageId();
        return SimpleMailboxMessage.builder()
            .messageId(messageId)
            .threadId(ThreadId.fromBaseMessageId(messageId))
            .mailboxId(mailbox.getMailboxId())
            .uid(MessageUid.of(uid))
            .modseq(ModSeq.of(uid))
            .internalDate(new Date(1_795_000_000_000L + uid * 1000))
            .size(raw.length)
            .bodyStartOctet(bodyStart(raw))
            .content(content)
            .flags(new Flags())
            .properties(new PropertyBuilder())
            .build();
    }

    /** Offset of the body: after the first empty line (CRLF CRLF), or the end. */
    static int bodyStart(byte[] raw) {
        for (int i = 0; i + 3 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return i + 4;
            }
        }
        return raw.length;
    }
}

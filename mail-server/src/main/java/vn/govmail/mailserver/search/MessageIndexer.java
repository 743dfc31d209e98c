package vn.govmail.mailserver.search;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;

import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.text.VietnameseText;

/** Writes, replaces and removes message documents. */
final class MessageIndexer {
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageIndexer.class);

    private final SearchIndexStore store;
    private final MessageTextExtractor extractor;

    MessageIndexer(SearchIndexStore store, MessageTextExtractor extractor) {
        this.store = store;
        this.extractor = extractor;
    }

    /** Indexes (or re-indexes) one message. A message that cannot be parsed is indexed as "scan me". */
    void index(Mailbox mailbox, MailboxMessage message) throws IOException {
        String mailboxId = mailbox.getMailboxId().serialize();
        long uid = message.getUid().asLong();
        byte[] raw;
        try (InputStream content = message.getFullContent()) {
            raw = content.readAllBytes();
        }
        ExtractedMessage text;
        try {
            text = extractor.extract(raw);
        } catch (Exception | StackOverflowError e) {
            LOGGER.warn("Message {} in mailbox {} could not be parsed for the index; text searches will scan it: {}",
                uid, mailboxId, e.toString());
            text = new ExtractedMessage(java.util.List.of(), "", "", "", "", java.util.List.of(), true);
        }
        store.upsert(IndexFields.key(mailboxId, uid), document(mailbox, message, mailboxId, uid, text));
    }

    void delete(MailboxId mailboxId, Collection<MessageUid> uids) {
        String id = mailboxId.serialize();
        uids.forEach(uid -> store.deleteKey(IndexFields.key(id, uid.asLong())));
    }

    void deleteMailbox(MailboxId mailboxId) {
        store.delete(new TermQuery(new Term(IndexFields.MAILBOX, mailboxId.serialize())));
    }

    private static Document document(Mailbox mailbox, MailboxMessage message, String mailboxId, long uid, ExtractedMessage text) {
        String headers = String.join("\n", text.headerLines());
        Document document = new Document();
        document.add(new StringField(IndexFields.KEY, IndexFields.key(mailboxId, uid), Field.Store.NO));
        document.add(new StringField(IndexFields.MAILBOX, mailboxId, Field.Store.YES));
        document.add(new StringField(IndexFields.USER, mailbox.getUser().asString(), Field.Store.YES));
        document.add(new StoredField(IndexFields.UID, uid));
        document.add(new NumericDocValuesField(IndexFields.UID, uid));
        document.add(new TextField(IndexFields.HEADERS, headers, Field.Store.NO));
        document.add(new StoredField(IndexFields.HEADERS_FOLDED, VietnameseText.fold(headers)));
        document.add(new TextField(IndexFields.BODY, VietnameseText.compose(text.body()), Field.Store.YES));
        document.add(new StoredField(IndexFields.BODY_FOLDED, VietnameseText.fold(text.body())));
        document.add(new TextField(IndexFields.SUBJECT, VietnameseText.compose(text.subject()), Field.Store.YES));
        document.add(new TextField(IndexFields.FROM, VietnameseText.compose(text.from()), Field.Store.YES));
        document.add(new TextField(IndexFields.RECIPIENTS, VietnameseText.compose(text.recipients()), Field.Store.YES));
        document.add(new TextField(IndexFields.ATTACHMENT_NAMES, VietnameseText.compose(String.join("\n", text.attachmentNames())), Field.Store.YES));
        document.add(new StoredField(IndexFields.INTERNAL_DATE, message.getInternalDate().getTime()));
        if (text.truncated()) {
            document.add(new StringField(IndexFields.TRUNCATED, "yes", Field.Store.NO));
        }
        return document;
    }
}

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
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.text.VietnameseText;

/** Writes, replaces and removes message documents. */
final class MessageIndexer {
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageIndexer.class);

    /** Positions (phrases), no norms (never scored), not stored. */
    private static final FieldType RUNS = runsType();

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

    private static FieldType runsType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.freeze();
        return type;
    }

    void delete(MailboxId mailboxId, Collection<MessageUid> uids) {
        String id = mailboxId.serialize();
        uids.forEach(uid -> store.deleteKey(IndexFields.key(id, uid.asLong())));
    }

    void deleteMailbox(MailboxId mailboxId) {
        store.delete(new TermQuery(new Term(IndexFields.MAILBOX, mailboxId.serialize())));
    }

    /** The {@link TextRuns} fields; whether some run was cut. */
    private static boolean addRuns(Document document, String foldedHeaders, String foldedBody) {
        TextRuns.Tokens body = new TextRuns.Tokens();
        body.add("", foldedBody);
        TextRuns.Tokens headerText = new TextRuns.Tokens();
        headerText.add("", foldedHeaders);
        TextRuns.Tokens headerLines = new TextRuns.Tokens();
        for (String line : foldedHeaders.split("\n")) {
            // The same lines as IndexedTextCriterion's check; a line without "name: " can match no header criterion.
            int colon = line.indexOf(':');
            if (colon > 0 && line.startsWith(": ", colon)) {
                headerLines.add(line.substring(0, colon + 1), line.substring(colon + 2));
            }
        }
        document.add(new Field(IndexFields.BODY_RUNS, body.stream(), RUNS));
        document.add(new Field(IndexFields.HEADER_RUNS, headerText.stream(), RUNS));
        document.add(new Field(IndexFields.HEADER_LINE_RUNS, headerLines.stream(), RUNS));
        return body.cut() || headerText.cut() || headerLines.cut();
    }

    private static Document document(Mailbox mailbox, MailboxMessage message, String mailboxId, long uid, ExtractedMessage text) {
        String headers = String.join("\n", text.headerLines());
        String foldedHeaders = VietnameseText.fold(headers);
        String foldedBody = VietnameseText.fold(text.body());
        Document document = new Document();
        document.add(new StringField(IndexFields.KEY, IndexFields.key(mailboxId, uid), Field.Store.NO));
        document.add(new StringField(IndexFields.MAILBOX, mailboxId, Field.Store.YES));
        document.add(new StringField(IndexFields.USER, mailbox.getUser().asString(), Field.Store.YES));
        document.add(new StoredField(IndexFields.UID, uid));
        document.add(new NumericDocValuesField(IndexFields.UID, uid));
        document.add(new StoredField(IndexFields.HEADERS_FOLDED, foldedHeaders));
        document.add(new TextField(IndexFields.BODY, VietnameseText.compose(text.body()), Field.Store.YES));
        document.add(new StoredField(IndexFields.BODY_FOLDED, foldedBody));
        boolean cut = addRuns(document, foldedHeaders, foldedBody);
        document.add(new TextField(IndexFields.SUBJECT, VietnameseText.compose(text.subject()), Field.Store.YES));
        document.add(new TextField(IndexFields.FROM, VietnameseText.compose(text.from()), Field.Store.YES));
        document.add(new TextField(IndexFields.RECIPIENTS, VietnameseText.compose(text.recipients()), Field.Store.YES));
        document.add(new TextField(IndexFields.ATTACHMENT_NAMES, VietnameseText.compose(String.join("\n", text.attachmentNames())), Field.Store.YES));
        document.add(new StoredField(IndexFields.INTERNAL_DATE, message.getInternalDate().getTime()));
        if (cut) {
            document.add(new StringField(IndexFields.CUT_RUNS, "yes", Field.Store.NO));
        }
        if (text.truncated()) {
            document.add(new StringField(IndexFields.TRUNCATED, "yes", Field.Store.NO));
        }
        return document;
    }
}

package vn.govmail.mailserver.search;

/** Names of the fields of a message document in the search index. */
final class IndexFields {
    /** mailbox id + "/" + UID: the identity used to replace or delete a document. */
    static final String KEY = "key";
    static final String MAILBOX = "mailbox";
    static final String USER = "user";
    /** UID, stored. */
    static final String UID = "uid";
    /** All header lines, analyzed (candidates for header criteria). */
    static final String HEADERS = "headers";
    /** All header lines, folded, stored (exact verification of header criteria). */
    static final String HEADERS_FOLDED = "headers_folded";
    /** Body, attachment names and attachment text, analyzed and stored (candidates, snippets). */
    static final String BODY = "body";
    /** The same text, folded, stored (exact verification of BODY/TEXT). */
    static final String BODY_FOLDED = "body_folded";
    static final String SUBJECT = "subject";
    static final String FROM = "from";
    static final String RECIPIENTS = "recipients";
    static final String ATTACHMENT_NAMES = "attachments";
    static final String INTERNAL_DATE = "internal_date";
    /** Present ("yes") when the text was cut by the size bounds: such a message is scanned for text criteria. */
    static final String TRUNCATED = "truncated";

    private IndexFields() {
    }

    static String key(String mailboxId, long uid) {
        return mailboxId + "/" + uid;
    }
}

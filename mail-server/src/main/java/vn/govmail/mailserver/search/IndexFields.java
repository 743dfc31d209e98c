package vn.govmail.mailserver.search;

/** Names of the fields of a message document in the search index. */
final class IndexFields {
    /** mailbox id + "/" + UID: the identity used to replace or delete a document. */
    static final String KEY = "key";
    static final String MAILBOX = "mailbox";
    static final String USER = "user";
    /** UID, stored. */
    static final String UID = "uid";
    /** All header lines as one folded text, in {@link TextRuns} (TEXT criteria). */
    static final String HEADER_RUNS = "header_runs";
    /**
     * Each header line's folded value in {@link TextRuns}, every term prefixed with the folded header name and ":"
     * ("from:vanthu"), lines never adjacent (SUBJECT, FROM, TO, CC, BCC, HEADER criteria).
     */
    static final String HEADER_LINE_RUNS = "header_line_runs";
    /** All header lines, folded, stored (exact verification of header criteria). */
    static final String HEADERS_FOLDED = "headers_folded";
    /** Body, attachment names and attachment text, analyzed and stored (candidates, snippets). */
    static final String BODY = "body";
    /** The same text, folded, stored (exact verification of BODY/TEXT). */
    static final String BODY_FOLDED = "body_folded";
    /** The folded body in {@link TextRuns} (BODY and TEXT criteria). */
    static final String BODY_RUNS = "body_runs";
    /** Present ("yes") when a run longer than {@link TextRuns#MAX_RUN} was cut: text criteria check the stored text. */
    static final String CUT_RUNS = "cut_runs";
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

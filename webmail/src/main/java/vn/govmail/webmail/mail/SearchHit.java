package vn.govmail.webmail.mail;

/** A search result (or a row of a folder): the message, the folder it is in, and the matching text when known. */
public record SearchHit(String folder, MessageSummary message, SearchSnippet snippet) {

    public SearchHit(String folder, MessageSummary message) {
        this(folder, message, null);
    }
}

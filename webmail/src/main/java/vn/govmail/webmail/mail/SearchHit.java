package vn.govmail.webmail.mail;

/** A search result: the message and the folder it is in. */
public record SearchHit(String folder, MessageSummary message) {
}

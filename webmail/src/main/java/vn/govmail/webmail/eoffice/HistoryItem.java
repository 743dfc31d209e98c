package vn.govmail.webmail.eoffice;

import java.time.OffsetDateTime;

/** One step in a document's history: who, when, what, from → to state, and the note. */
public record HistoryItem(OffsetDateTime at, String actor, String action, String from, String to, String note) {
}

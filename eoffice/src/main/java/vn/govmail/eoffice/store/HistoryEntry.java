package vn.govmail.eoffice.store;

import java.time.OffsetDateTime;

/** One step in a document's life: who did what, when, and from which state to which. */
public record HistoryEntry(OffsetDateTime at, String actor, String action, DocumentState fromState, DocumentState toState, String note) {
}

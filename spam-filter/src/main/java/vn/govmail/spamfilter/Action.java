package vn.govmail.spamfilter;

/** What to do with a message, from the mildest to the harshest: a later constant always wins. */
public enum Action {
    /** Deliver to the recipient's INBOX. */
    DELIVER,
    /** Deliver to the recipient's Junk folder ("Thư rác"). */
    JUNK,
    /** Keep it in the quarantine repository until a user or an admin releases it. */
    QUARANTINE,
    /** Refuse it at end of DATA with 550 5.7.1 (nothing accepted, so no backscatter). */
    REJECT;

    public Action atLeast(Action other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}

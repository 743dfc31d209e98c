package vn.govmail.webmail.mail;

import org.eclipse.angus.mail.imap.SortTerm;

/** The orders the message list offers; all but the default use the server's SORT (RFC 5256). */
public enum MessageSort {
    DATE(SortTerm.ARRIVAL), FROM(SortTerm.FROM), SUBJECT(SortTerm.SUBJECT), SIZE(SortTerm.SIZE);

    final SortTerm term;

    MessageSort(SortTerm term) {
        this.term = term;
    }
}

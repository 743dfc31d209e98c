package vn.govmail.webmail.mail;

import java.util.Date;

/** One row of the message list: what ENVELOPE, FLAGS, RFC822.SIZE and BODYSTRUCTURE say about a message. */
public record MessageSummary(long uid, String from, String to, String subject, Date date, long size,
                             boolean seen, boolean flagged, boolean answered, boolean hasAttachment) {
}

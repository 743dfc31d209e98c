package vn.govmail.webmail.mail;

import java.time.LocalDate;

/**
 * The search form. Blank fields are ignored; folder null means every folder (Trash and Junk left out). {@code text}
 * is the quick search box: anywhere in the message (subject, sender, recipients, body, attachments).
 */
public record SearchCriteria(String text, String from, String to, String subject, String body, LocalDate after, LocalDate before,
                             boolean hasAttachment, String folder) {

    /** The advanced search form (no free text). */
    public SearchCriteria(String from, String to, String subject, String body, LocalDate after, LocalDate before,
                          boolean hasAttachment, String folder) {
        this(null, from, to, subject, body, after, before, hasAttachment, folder);
    }

    /** The quick search box. */
    public static SearchCriteria anywhere(String text) {
        return new SearchCriteria(text, null, null, null, null, null, null, false, null);
    }

    public boolean isEmpty() {
        return blank(text) && blank(from) && blank(to) && blank(subject) && blank(body) && after == null && before == null && !hasAttachment;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package vn.govmail.webmail.mail;

import java.time.LocalDate;

/** The search form. Blank fields are ignored; folder null means every folder. */
public record SearchCriteria(String from, String to, String subject, String body, LocalDate after, LocalDate before,
                             boolean hasAttachment, String folder) {

    public boolean isEmpty() {
        return blank(from) && blank(to) && blank(subject) && blank(body) && after == null && before == null && !hasAttachment;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

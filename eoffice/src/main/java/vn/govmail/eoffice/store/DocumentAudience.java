package vn.govmail.eoffice.store;

import java.util.List;
import java.util.Locale;

/**
 * Whose documents a list may show: every document of the units where {@code person} is the văn thư, and the
 * documents presented to {@code person} (leader) or assigned to them (chủ trì / phối hợp). Addresses compare
 * case-insensitively; assignees are the comma- or semicolon-separated entries of lead and support.
 */
public record DocumentAudience(List<String> clerkUnits, String person) {
    public DocumentAudience {
        clerkUnits = List.copyOf(clerkUnits);
        person = person.strip().toLowerCase(Locale.ROOT);
    }
}

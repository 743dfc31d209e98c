package vn.govmail.mailserver.search;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a user searches for in their own mail. Text fields are phrases matched with and without Vietnamese
 * diacritics (null or blank: not a criterion); at least one is required. All given criteria must match.
 *
 * @param text           anywhere: subject, sender, recipients, attachment names, body and attachment text (ranked)
 * @param from           the From header (name or address)
 * @param to             the To, Cc and Bcc headers
 * @param subject        the subject
 * @param body           the body and attachment text and names
 * @param after          arrival at or after this instant, if given
 * @param before         arrival strictly before this instant, if given
 * @param withAttachment only messages with a named attachment
 * @param folder         only this folder (full IMAP name); empty: every folder except Trash and Junk unless
 *                       {@code includeTrashAndJunk}
 */
public record UserSearchCriteria(String text, String from, String to, String subject, String body, Instant after,
                                 Instant before, boolean withAttachment, Optional<String> folder, boolean includeTrashAndJunk) {

    /** The free-text search of the webmail's search box, in every folder but Trash and Junk. */
    public static UserSearchCriteria text(String text) {
        return new UserSearchCriteria(text, null, null, null, null, null, null, false, Optional.empty(), false);
    }

    public boolean hasText() {
        return Stream.of(text, from, to, subject, body).anyMatch(value -> value != null && !value.isBlank());
    }

    boolean acceptsDate(long internalDate) {
        return (after == null || internalDate >= after.toEpochMilli()) && (before == null || internalDate < before.toEpochMilli());
    }
}

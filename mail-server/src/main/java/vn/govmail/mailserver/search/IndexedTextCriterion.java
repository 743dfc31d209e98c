package vn.govmail.mailserver.search;

import java.util.Locale;
import java.util.Optional;

import org.apache.james.mailbox.model.SearchQuery;

import vn.govmail.text.VietnameseText;

/**
 * A text criterion of IMAP SEARCH that the index answers: BODY, TEXT, or a substring of a named header (SUBJECT,
 * FROM, TO, CC, BCC, HEADER name value). Matching is a case- and diacritic-insensitive substring test on the folded
 * text, so it finds everything the scanning search finds, plus the same words written with other (or no)
 * diacritics.
 *
 * @param header the header name, lower case, for a header criterion; empty for BODY and TEXT
 */
record IndexedTextCriterion(Kind kind, Optional<String> header, String foldedNeedle) {
    enum Kind { BODY, TEXT, HEADER }

    /** The indexed form of {@code criterion}, or empty when the index does not answer it. */
    static Optional<IndexedTextCriterion> of(SearchQuery.Criterion criterion) {
        if (criterion instanceof SearchQuery.SubjectCriterion subject) {
            return of(subject.asHeaderCriterion());
        }
        if (criterion instanceof SearchQuery.MimeMessageIDCriterion messageId) {
            return of(messageId.asHeaderCriterion());
        }
        if (criterion instanceof SearchQuery.TextCriterion text) {
            String needle = VietnameseText.fold(text.getOperator().getValue());
            return switch (text.getType()) {
                case BODY -> Optional.of(new IndexedTextCriterion(Kind.BODY, Optional.empty(), needle));
                case FULL -> Optional.of(new IndexedTextCriterion(Kind.TEXT, Optional.empty(), needle));
                default -> Optional.empty();
            };
        }
        if (criterion instanceof SearchQuery.HeaderCriterion header) {
            String name = header.getHeaderName().toLowerCase(Locale.ROOT);
            if (header.getOperator() instanceof SearchQuery.ContainsOperator contains) {
                return Optional.of(new IndexedTextCriterion(Kind.HEADER, Optional.of(name), VietnameseText.fold(contains.getValue())));
            }
            if (header.getOperator() instanceof SearchQuery.AddressOperator address) {
                return Optional.of(new IndexedTextCriterion(Kind.HEADER, Optional.of(name), VietnameseText.fold(address.getAddress())));
            }
        }
        return Optional.empty();
    }

    /** Exact test against the stored folded text of one message. */
    boolean matches(String foldedHeaders, String foldedBody) {
        return switch (kind) {
            case BODY -> foldedBody.contains(foldedNeedle);
            case TEXT -> foldedBody.contains(foldedNeedle) || foldedHeaders.contains(foldedNeedle);
            case HEADER -> headerContains(foldedHeaders);
        };
    }

    private boolean headerContains(String foldedHeaders) {
        String prefix = VietnameseText.fold(header.orElseThrow()) + ": ";
        for (String line : foldedHeaders.split("\n")) {
            if (line.startsWith(prefix) && line.substring(prefix.length()).contains(foldedNeedle)) {
                return true;
            }
        }
        return false;
    }
}

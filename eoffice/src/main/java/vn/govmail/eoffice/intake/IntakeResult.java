package vn.govmail.eoffice.intake;

import java.util.List;

/**
 * What the bridge did with one mail to a document address.
 *
 * @param documentId the new record's id (RECORDED only)
 * @param reason why an edXML package was rejected (REJECTED only)
 * @param notices mails to send: acknowledgement to the sender, alerts to the văn thư
 */
public record IntakeResult(Kind kind, Long documentId, boolean secret, Long duplicateOf, String reason, List<Notice> notices) {
    public enum Kind {
        /** An official document: recorded. */
        RECORDED,
        /** An ordinary mail: it stays a plain mail. */
        NOT_A_DOCUMENT,
        /** An edXML package that is malformed: not recorded, the sender is told why. */
        REJECTED,
        /** An edXML status package about a document we sent: noted, not a new document. */
        STATUS
    }

    public static IntakeResult plainMail() {
        return new IntakeResult(Kind.NOT_A_DOCUMENT, null, false, null, null, List.of());
    }
}

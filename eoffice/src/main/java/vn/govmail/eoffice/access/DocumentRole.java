package vn.govmail.eoffice.access;

/** What a person is to one incoming document. */
public enum DocumentRole {
    /** The văn thư of the document's unit (its clerk mailbox or document address). */
    CLERK,
    /** The leader it was presented to. */
    LEADER,
    /** Chủ trì: leads the handling. */
    LEAD,
    /** Phối hợp: supports the handling. */
    SUPPORT
}

package vn.govmail.eoffice.edxml;

/** The document a package or status answers: its sender's OrganId, "số/ký hiệu", date (yyyy/MM/dd) and DocumentId. */
public record ResponseFor(String organId, String code, String promulgationDate, String documentId) {
}

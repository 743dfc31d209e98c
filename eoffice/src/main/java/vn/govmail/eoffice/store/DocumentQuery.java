package vn.govmail.eoffice.store;

import java.time.LocalDate;
import java.util.List;

/**
 * A filter over the incoming documents of a unit; null fields do not filter. {@code ids} restricts to documents
 * found by the full-text index, {@code audience} to what one user may see. Urgent documents come first, then the
 * newest.
 */
public record DocumentQuery(String unitId, DocumentState state, String priority, LocalDate from, LocalDate to, String organName,
                            String typeName, List<Long> ids, int limit, int offset, DocumentAudience audience) {
    public static DocumentQuery all(String unitId) {
        return new DocumentQuery(unitId, null, null, null, null, null, null, null, 100, 0, null);
    }

    public DocumentQuery forAudience(DocumentAudience who) {
        return new DocumentQuery(unitId, state, priority, from, to, organName, typeName, ids, limit, offset, who);
    }
}

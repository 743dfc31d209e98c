package vn.govmail.webmail.eoffice;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One row of the document list. {@code state} is the API's code (cho-tiep-nhan, …), {@code stateName} its Vietnamese name. */
public record DocumentSummary(long id, String unit, String state, String stateName, String numberNotation, String organName,
                              String typeName, String subject, String priority, boolean secret, Long duplicateOf,
                              Integer arrivalNumber, OffsetDateTime receivedAt, LocalDate deadline) {
    /** Khẩn, Thượng khẩn or Hỏa tốc. */
    public boolean urgent() {
        return priority != null && !priority.isBlank();
    }
}

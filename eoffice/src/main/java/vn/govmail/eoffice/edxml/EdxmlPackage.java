package vn.govmail.eoffice.edxml;

import java.time.LocalDate;
import java.util.List;

/**
 * A document package (gói tin văn bản điện tử, QCVN 102:2016): the 14 MessageHeader components, the trace and
 * the attached files.
 *
 * @param priority OtherInfo/Priority, độ khẩn 0 (thường) … 3 (hỏa tốc)
 * @param businessDocType TraceHeaderList/Bussiness/BussinessDocType: 0 new, 1 revoke, 2 update, 3 replace
 */
public record EdxmlPackage(Organization from, List<Organization> to, String codeNumber, String codeNotation, String place,
                           LocalDate promulgationDate, Integer type, String typeName, String subject, String content,
                           String signerCompetence, String signerPosition, String signerFullName, LocalDate dueDate,
                           List<String> toPlaces, int priority, String documentId, ResponseFor responseFor,
                           Integer steeringType, List<TraceHeader> traceHeaders, Integer businessDocType,
                           String businessDocReason, List<EdxmlAttachment> attachments) implements EdxmlMessage {

    /** Độ khẩn words by Priority value (0 = no urgency marking). */
    public static final List<String> PRIORITY_WORDS = List.of("", "Khẩn", "Thượng khẩn", "Hỏa tốc");

    public String priorityWord() {
        return priority <= 0 || priority >= PRIORITY_WORDS.size() ? null : PRIORITY_WORDS.get(priority);
    }
}

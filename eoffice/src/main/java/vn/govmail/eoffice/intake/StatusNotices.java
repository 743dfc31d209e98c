package vn.govmail.eoffice.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.edxml.EdxmlStatus;
import vn.govmail.eoffice.edxml.EdxmlWriter;
import vn.govmail.eoffice.edxml.Organization;
import vn.govmail.eoffice.edxml.ResponseFor;
import vn.govmail.eoffice.edxml.StatusCode;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.Unit;

/**
 * The mails the sender and the văn thư get: the status of a document (01 on arrival, 02 returned, 03 registered,
 * 04 assigned, 06 completed) — an edXML status package when the sender spoke edXML, a short Vietnamese receipt
 * otherwise — and the alerts for secret, duplicate and urgent documents.
 */
public final class StatusNotices {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final DateTimeFormatter WIRE_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/uuuu");
    private static final DateTimeFormatter HUMAN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final Clock clock;
    private final EdxmlWriter writer = new EdxmlWriter();

    public StatusNotices(Clock clock) {
        this.clock = clock;
    }

    public Notice status(Unit unit, DocumentRecord document, StatusCode code, String description) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(VIETNAM));
        String reference = reference(document);
        StringBuilder text = new StringBuilder()
            .append(unit.name()).append(" thông báo trạng thái ").append(reference).append(":\n\n")
            .append("  Trạng thái: ").append(code.code()).append(" - ").append(code.vietnamese()).append('\n')
            .append("  Thời điểm: ").append(now.format(HUMAN_TIME)).append('\n');
        if (description != null && !description.isBlank()) {
            text.append("  ").append(code == StatusCode.REJECTED ? "Lý do trả lại: " : "Ghi chú: ").append(description).append('\n');
        }
        if (document.arrivalNumber() != null && code == StatusCode.ACCEPTED) {
            text.append("  Số đến: ").append(document.arrivalNumber()).append(", ngày đến ").append(document.arrivalDate().format(HUMAN_DATE)).append('\n');
        }
        text.append("\nĐây là thư tự động của hệ thống quản lý văn bản đến (Nghị định 30/2020/NĐ-CP, Điều 21). Xin không trả lời thư này.\n");
        byte[] edxml = null;
        if (document.senderSpeaksEdxml()) {
            LocalDate promulgated = document.metadata().value(MetadataField.PromulgationDate) == null ? null
                : LocalDate.parse(document.metadata().value(MetadataField.PromulgationDate));
            ResponseFor responseFor = new ResponseFor(document.senderOrganId(), document.metadata().numberNotation(),
                promulgated == null ? null : promulgated.format(WIRE_DATE), document.documentId());
            edxml = writer.status(new EdxmlStatus(responseFor, Organization.of(unit.organId(), unit.name(), unit.documentAddress()), code,
                description, now.format(WIRE_TIME), new EdxmlStatus.StaffInfo("Văn thư", null, null, unit.documentAddress())));
        }
        return new Notice(document.senderAddress(), "[" + code.code() + " - " + code.vietnamese() + "] " + capitalised(reference), text.toString(), edxml);
    }

    public Notice secretPolicyAnswer(Unit unit, DocumentRecord document) {
        return new Notice(document.senderAddress(), "Văn bản mật không được gửi qua thư điện tử: " + reference(document),
            unit.name() + " đã nhận được thư gửi " + reference(document) + ", được đánh dấu độ mật \""
                + document.metadata().value(MetadataField.Secrecy) + "\".\n\n"
                + "Văn bản có nội dung bí mật nhà nước không được gửi qua hệ thống thư điện tử công vụ (Luật Bảo vệ bí mật nhà nước; "
                + "Nghị định 30/2020/NĐ-CP). Văn bản này không được tiếp nhận trên hệ thống và đã được báo cho văn thư cơ quan. "
                + "Đề nghị quý cơ quan gửi văn bản theo đường bí mật nhà nước quy định (văn thư mật, giao nhận trực tiếp).\n\n"
                + "Đây là thư tự động. Xin không trả lời thư này.\n", null);
    }

    public Notice secretAlert(Unit unit, DocumentRecord document) {
        return new Notice(unit.clerkMailbox(), "[CẢNH BÁO VĂN BẢN MẬT] " + capitalised(reference(document)),
            "Thư gửi đến địa chỉ văn bản " + unit.documentAddress() + " từ " + document.senderAddress() + " mang văn bản được đánh dấu độ mật \""
                + document.metadata().value(MetadataField.Secrecy) + "\" (bản ghi #" + document.id() + ").\n\n"
                + "Nội dung văn bản không được lưu dạng văn bản và không được lập chỉ mục tìm kiếm. Đề nghị xử lý theo quy định về bảo vệ "
                + "bí mật nhà nước. Người gửi đã được trả lời theo quy chế.\n", null);
    }

    public Notice duplicateAlert(Unit unit, DocumentRecord document) {
        return new Notice(unit.clerkMailbox(), "[Trùng văn bản] " + capitalised(reference(document)),
            "Văn bản đến #" + document.id() + " (" + reference(document) + ") có thể trùng với văn bản đến #" + document.duplicateOf()
                + ": " + document.duplicateReason() + ".\nĐề nghị kiểm tra trước khi đăng ký.\n", null);
    }

    public Notice urgentAlert(Unit unit, DocumentRecord document) {
        String priority = document.metadata().value(MetadataField.Priority);
        return new Notice(unit.clerkMailbox(), "[" + priority.toUpperCase(java.util.Locale.forLanguageTag("vi")) + "] Văn bản đến: "
            + capitalised(reference(document)),
            "Văn bản " + priority.toLowerCase(java.util.Locale.forLanguageTag("vi")) + " vừa đến (#" + document.id() + "): " + reference(document)
                + ".\nVăn bản khẩn phải được đăng ký, trình và chuyển giao ngay sau khi nhận (Nghị định 30/2020/NĐ-CP, Điều 4).\n", null);
    }

    public Notice rejectedPackage(Unit unit, String senderAddress, String reason) {
        return new Notice(senderAddress, "[02 - Từ chối tiếp nhận] Gói tin edXML không hợp lệ",
            unit.name() + " không tiếp nhận được gói tin văn bản điện tử gửi đến " + unit.documentAddress() + ".\n\n"
                + "  Lý do: " + reason + "\n\nĐề nghị kiểm tra gói tin theo QCVN 102:2016/BTTTT và gửi lại.\n"
                + "Đây là thư tự động. Xin không trả lời thư này.\n", null);
    }

    /** "văn bản số 12/SNV-CCHC ngày 07/09/2026 của SỞ NỘI VỤ V/v ..." with what is known. */
    static String reference(DocumentRecord document) {
        StringBuilder text = new StringBuilder("văn bản");
        String typeName = document.metadata().value(MetadataField.TypeName);
        if (typeName != null) {
            text = new StringBuilder(typeName.toLowerCase(java.util.Locale.forLanguageTag("vi")));
        }
        if (document.metadata().numberNotation() != null) {
            text.append(" số ").append(document.metadata().numberNotation());
        }
        String date = document.metadata().value(MetadataField.PromulgationDate);
        if (date != null) {
            text.append(" ngày ").append(LocalDate.parse(date).format(HUMAN_DATE));
        }
        String organ = document.metadata().value(MetadataField.OrganName);
        if (organ != null) {
            text.append(" của ").append(organ);
        }
        String subject = document.metadata().value(MetadataField.Subject);
        if (subject != null) {
            text.append(" về việc ").append(subject);
        }
        return text.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.forLanguageTag("vi")) + text.substring(1);
    }
}

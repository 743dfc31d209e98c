package vn.govmail.eoffice.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.govmail.eoffice.DocumentMetadata;
import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.TestPdf;
import vn.govmail.eoffice.mail.MailMessageReader;

/** Extraction from a PDF attachment, and layouts the corpus does not show (general rules of Nghị định 30). */
public class PdfAndVariantsExtractionTest {
    private final MetadataExtractor extractor = new MetadataExtractor(new AttachmentText());

    public static final List<String> DECISION = List.of(
        "ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/2026/QĐ-UBND", "Lai Châu, ngày 5 tháng 3 năm 2026", "HỎA TỐC", "QUYẾT ĐỊNH",
        "Ban hành Quy chế sử dụng thư điện tử công vụ", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Quy chế.", "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, VX.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Giàng A Tỉnh");

    public static byte[] mailWithPdf(byte[] pdf, String subject) {
        String mail = "From: UBND tinh <vanthu@laichau.gov.vn>\r\nTo: vanban@demo.gov.vn\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKính gửi.\r\n"
            + "--b1\r\nContent-Type: application/pdf; name=\"qd.pdf\"\r\nContent-Disposition: attachment; filename=\"qd.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n--b1--\r\n";
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPdfDecisionWithYearInTheNotationAndUnpaddedDate() throws Exception {
        MetadataExtractor.Extraction result = extractor.extract(new MailMessageReader().read(mailWithPdf(TestPdf.document(DECISION, 0), "QD")));
        DocumentMetadata metadata = result.metadata();
        assertThat(result.isDocument()).isTrue();
        assertThat(metadata.value(MetadataField.CodeNumber)).isEqualTo("5");
        assertThat(metadata.value(MetadataField.CodeNotation)).isEqualTo("2026/QĐ-UBND");
        assertThat(metadata.value(MetadataField.PromulgationDate)).isEqualTo("2026-03-05");
        assertThat(metadata.value(MetadataField.Place)).isEqualTo("Lai Châu");
        assertThat(metadata.value(MetadataField.OrganName)).isEqualTo("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU");
        assertThat(metadata.value(MetadataField.TypeName)).isEqualTo("Quyết định");
        assertThat(metadata.value(MetadataField.Subject)).isEqualTo("ban hành Quy chế sử dụng thư điện tử công vụ");
        assertThat(metadata.value(MetadataField.Priority)).isEqualTo("Hỏa tốc");
        assertThat(metadata.value(MetadataField.SignerFullName)).isEqualTo("Giàng A Tỉnh");
        assertThat(metadata.value(MetadataField.ToPlaces)).isEqualTo("Như Điều 3; Lưu: VT, VX");
        assertThat(metadata.secret()).isFalse();
    }

    @Test
    void secrecyMarkingsAreReadFromTheHeaderAndSubjectTagsNotFromOrdinaryWords() throws Exception {
        String text = "SỞ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 9/SYT-NV\nĐiện Biên, ngày 01 tháng 02 năm 2026\nMẬT\n"
            + "V/v bảo mật hồ sơ bệnh án\nĐề nghị giữ bí mật.\nGIÁM ĐỐC\nLê Văn Tâm\n";
        assertThat(extractor.secrecyOf(text, "").value()).isEqualTo("Mật");
        assertThat(extractor.secrecyOf("V/v bảo mật hồ sơ\nTăng cường bảo mật", "").value()).isNull();
        assertThat(extractor.secrecyOf("", "[TUYỆT MẬT] Công văn 1/BCA").value()).isEqualTo("Tuyệt mật");
    }

    @Test
    void aNotificationThatOnlyQuotesANumberIsNotADocument() throws Exception {
        String mail = "From: a@b.gov.vn\r\nSubject: [01 - Đã đến] Công văn số 12/SNV-CCHC ngày 07/09/2026\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nĐã nhận công văn số 12/SNV-CCHC ngày 07/09/2026.\r\n";
        assertThat(extractor.extract(new MailMessageReader().read(mail.getBytes(StandardCharsets.UTF_8))).isDocument()).isFalse();
    }
}

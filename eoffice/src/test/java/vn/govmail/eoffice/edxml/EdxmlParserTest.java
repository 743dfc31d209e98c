package vn.govmail.eoffice.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class EdxmlParserTest {
    private final EdxmlParser parser = new EdxmlParser();

    static byte[] sample() throws IOException {
        try (InputStream in = EdxmlParserTest.class.getResourceAsStream("/edxml/congvan-123.edxml")) {
            return in.readAllBytes();
        }
    }

    static String sampleText() throws IOException {
        return new String(sample(), StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryMessageHeaderComponentTheTraceAndTheAttachments() throws Exception {
        EdxmlPackage pkg = (EdxmlPackage) parser.parse(sample());

        assertThat(pkg.from().organId()).isEqualTo("000.00.12.H30");
        assertThat(pkg.from().organName()).isEqualTo("Sở Thông tin và Truyền thông tỉnh Lai Châu");
        assertThat(pkg.from().email()).isEqualTo("stttt@laichau.gov.vn");
        assertThat(pkg.to()).extracting(Organization::organId).containsExactly("000.00.05.H30");
        assertThat(pkg.codeNumber()).isEqualTo("123");
        assertThat(pkg.codeNotation()).isEqualTo("STTTT-VP");
        assertThat(pkg.place()).isEqualTo("Lai Châu");
        assertThat(pkg.promulgationDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(pkg.type()).isEqualTo(18);
        assertThat(pkg.typeName()).isEqualTo("Công văn");
        assertThat(pkg.subject()).isEqualTo("V/v triển khai chữ ký số chuyên dùng cho cán bộ cấp xã");
        assertThat(pkg.signerCompetence()).isEqualTo("KT. GIÁM ĐỐC");
        assertThat(pkg.signerPosition()).isEqualTo("Phó Giám đốc");
        assertThat(pkg.signerFullName()).isEqualTo("Nguyễn Thị Hồng");
        assertThat(pkg.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(pkg.toPlaces()).containsExactly("Sở Nội vụ", "Lưu: VT, VP");
        assertThat(pkg.priority()).isEqualTo(2);
        assertThat(pkg.priorityWord()).isEqualTo("Thượng khẩn");
        assertThat(pkg.documentId()).isEqualTo("000.00.12.H30,2026/11/20,123/STTTT-VP");
        assertThat(pkg.responseFor().documentId()).isEqualTo("000.00.05.H30,2026/11/02,88/SNV-CCHC");
        assertThat(pkg.steeringType()).isZero();
        assertThat(pkg.traceHeaders()).containsExactly(new TraceHeader("000.00.12.H30", "2026/11/20 08:15:00"));
        assertThat(pkg.businessDocType()).isZero();
        assertThat(pkg.attachments()).hasSize(1);
        assertThat(pkg.attachments().get(0).name()).isEqualTo("123_STTTT-VP.txt");
        assertThat(new String(pkg.attachments().get(0).content(), StandardCharsets.UTF_8)).isEqualTo("Văn bản số 123/STTTT-VP");
    }

    @Test
    void writtenPackagesAndStatusesReadBackUnchanged() throws Exception {
        EdxmlPackage original = (EdxmlPackage) parser.parse(sample());
        EdxmlPackage again = (EdxmlPackage) parser.parse(new EdxmlWriter().documentPackage(original));
        assertThat(again.documentId()).isEqualTo(original.documentId());
        assertThat(again.subject()).isEqualTo(original.subject());
        assertThat(again.toPlaces()).isEqualTo(original.toPlaces());
        assertThat(again.attachments().get(0).content()).isEqualTo(original.attachments().get(0).content());

        EdxmlStatus status = new EdxmlStatus(new ResponseFor("000.00.12.H30", "123/STTTT-VP", "2026/11/20", original.documentId()),
            Organization.of("000.00.05.H30", "Sở Nội vụ", "vanthu.snv@laichau.gov.vn"), StatusCode.REJECTED,
            "Gửi nhầm cơ quan", "2026/11/20 09:00:00", new EdxmlStatus.StaffInfo("Văn phòng", "Trần Văn Thư", null, null));
        assertThat(parser.parse(new EdxmlWriter().status(status))).isEqualTo(status);
    }

    @Test
    void malformedPackagesAreRejectedWithAReason() throws Exception {
        String good = sampleText();
        assertRejected("<edXML><unclosed></edXML>", "X.XML");
        assertRejected(good.replace("http://www.mic.gov.vn/TBT/QCVN_102_2016", "http://www.go.vn/eDoc"), "X.Namespace");
        assertRejected(good.replaceAll("(?s)<edXML:To>.*?</edXML:To>", ""), "N.To");
        assertRejected(good.replace("<edXML:CodeNumber>123</edXML:CodeNumber>", ""), "N.CodeNumber");
        assertRejected(good.replace("<edXML:CodeNumber>123<", "<edXML:CodeNumber>12a<"), "R.CodeNumber");
        assertRejected(good.replace("2026/11/20</edXML:PromulgationDate>", "20-11-2026</edXML:PromulgationDate>"), "R.PromulgationDate");
        assertRejected(good.replaceAll("<edXML:Subject>[^<]*</edXML:Subject>", "<edXML:Subject></edXML:Subject>"), "N.Subject");
        assertRejected(good.replace("<edXML:Subject>V/v", "<edXML:Subject>" + "x".repeat(500)), "R.Subject");
        assertRejected(good.replace("<edXML:OrganId>000.00.12.H30</edXML:OrganId>\n          <edXML:OrganizationInCharge>",
            "<edXML:OrganId>000.00.12.H30.EXTRA</edXML:OrganId>\n          <edXML:OrganizationInCharge>"), "R.From.OrganId");
        assertRejected(good.replace("<edXML:Priority>2<", "<edXML:Priority>7<"), "R.Priority");
        assertRejected(good.replace("VsSDbiBi4bqjbiBz4buRIDEyMy9TVFRUVC1WUA==", "***not base64***"), "M.ContentTransferEncoded");
        assertRejected(good.replace("</edXML:To>", "</edXML:To><edXML:To><edXML:OrganId>000.00.05.H30</edXML:OrganId></edXML:To>"), "R.To");
        // XXE: a DOCTYPE is refused outright
        assertRejected("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "X.XML");
    }

    private void assertRejected(String xml, String code) {
        assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(EdxmlRejectedException.class)
            .hasMessageStartingWith(code);
    }

    @Test
    void recognisesEdxmlBytes() throws Exception {
        assertThat(EdxmlParser.looksLikeEdxml(sample())).isTrue();
        assertThat(EdxmlParser.looksLikeEdxml("Kính gửi".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(List.of(StatusCode.values())).extracting(StatusCode::code).contains("01", "02", "03", "06", "13", "15", "16");
    }
}

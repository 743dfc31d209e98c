package vn.govmail.mailserver.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Base64;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import vn.govmail.text.VietnameseText;

class MessageTextExtractorTest {
    /** One Tika instance for the class: building it loads every parser, which is most of this test's time. */
    private static final AttachmentTextExtractor ATTACHMENTS = new AttachmentTextExtractor(1024 * 1024, 100_000, Duration.ofSeconds(20));
    private final MessageTextExtractor extractor = new MessageTextExtractor(ATTACHMENTS, 200_000);

    @Test
    void decodesWindows1258WithSeparateToneMarks() throws IOException {
        // windows-1258 writes the tone marks as combining characters after the letter
        String nfd = Normalizer.normalize("Báo cáo tài chính quý III", Normalizer.Form.NFD);
        byte[] body = nfd.getBytes(Charset.forName("windows-1258"));
        ExtractedMessage text = extractor.extract(concat(("""
            From: a@b.vn\r
            Subject: =?utf-8?B?%s?=\r
            Content-Type: text/plain; charset=windows-1258\r
            \r
            """).formatted(Base64.getEncoder().encodeToString("Công văn đến".getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII), body));

        assertThat(VietnameseText.compose(text.body())).contains("Báo cáo tài chính");
        assertThat(VietnameseText.fold(text.body())).contains("bao cao tai chinh");
        assertThat(text.subject()).isEqualTo("Công văn đến");
        assertThat(text.headerLines()).contains("Subject: Công văn đến");
        assertThat(text.truncated()).isFalse();
    }

    @Test
    void htmlBecomesTextAndDocxAttachmentTextIsExtracted() throws IOException {
        String message = """
            From: =?utf-8?Q?Tr=E1=BA=A7n_Th=E1=BB=8B_B?= <b@demo.gov.vn>\r
            To: a@demo.gov.vn\r
            Subject: test\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="XX"\r
            \r
            --XX\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <html><body><p>Xin <b>chào</b> anh</p><script>var hidden=1;</script></body></html>\r
            --XX\r
            Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r
            Content-Disposition: attachment; filename="quyet-dinh.docx"\r
            Content-Transfer-Encoding: base64\r
            \r
            %s\r
            --XX\r
            Content-Type: application/pdf\r
            Content-Disposition: attachment; filename="hong.pdf"\r
            \r
            this is not a PDF at all\r
            --XX--\r
            """.formatted(Base64.getMimeEncoder().encodeToString(docx("Quyết định về việc phê duyệt kế hoạch chuyển đổi số")));

        ExtractedMessage text = extractor.extract(message.getBytes(StandardCharsets.UTF_8));

        assertThat(text.body()).contains("Xin chào anh").doesNotContain("<b>");
        assertThat(text.body()).contains("Quyết định về việc phê duyệt kế hoạch chuyển đổi số");
        assertThat(text.attachmentNames()).containsExactly("quyet-dinh.docx", "hong.pdf");
        assertThat(text.from()).isEqualTo("Trần Thị B <b@demo.gov.vn>");
    }

    @Test
    void textBeyondTheBoundIsMarkedTruncated() throws IOException {
        MessageTextExtractor small = new MessageTextExtractor(ATTACHMENTS, 100);
        ExtractedMessage text = small.extract(("Subject: x\r\n\r\n" + "chữ ".repeat(100)).getBytes(StandardCharsets.UTF_8));
        assertThat(text.truncated()).isTrue();
        assertThat(text.body()).hasSize(100);
    }

    @Test
    void unfoldsHeadersAndKeepsRawUtf8Headers() {
        var fields = MessageTextExtractor.headerFields("Subject: Lai\r\n Châu\r\nX-Số: một\r\n\r\nbody".getBytes(StandardCharsets.UTF_8));
        assertThat(fields).extracting(MessageTextExtractor.HeaderField::name).containsExactly("Subject", "X-Số");
        assertThat(fields.get(0).raw()).isEqualTo("Lai Châu");
    }

    private static byte[] docx(String paragraph) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(paragraph);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}

package vn.govmail.webmail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)><script>alert(1)</script></svg>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background:url(https://evil.example/t.png)\">x</div>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<link rel=stylesheet href=\"https://evil.example/s.css\">",
        "<style>@import 'https://evil.example/s.css';</style>",
        "<base href=\"https://evil.example/\">",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<body onload=alert(1)>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
    })
    void hostileMarkupLosesEveryActiveOrRemotePart(String hostile) {
        String safe = HtmlSanitizer.sanitize(hostile, Map.of(), false).html().toLowerCase();
        assertThat(safe).doesNotContain("<script", "onerror", "onload", "javascript:", "vbscript:", "expression(", "evil.example",
            "<svg", "<meta", "<form", "<iframe", "<object", "<link", "<style", "<base", "data:image/svg");
    }

    @Test
    void remoteImagesAreBlockedUntilAllowed() {
        String html = "<p>Xin chào</p><img src=\"https://tracker.example/pixel.gif\">";
        HtmlSanitizer.Result blocked = HtmlSanitizer.sanitize(html, Map.of(), false);
        assertThat(blocked.blockedImages()).isEqualTo(1);
        assertThat(blocked.html()).doesNotContain("tracker.example").contains("Xin chào");
        HtmlSanitizer.Result allowed = HtmlSanitizer.sanitize(html, Map.of(), true);
        assertThat(allowed.html()).contains("https://tracker.example/pixel.gif");
    }

    @Test
    void inlineImagesBecomeDataUris() {
        String html = "<img src=\"cid:logo@x\">";
        assertThat(HtmlSanitizer.sanitize(html, Map.of("logo@x", "data:image/png;base64,AAAA"), false).html())
            .contains("src=\"data:image/png;base64,AAAA\"");
    }

    @Test
    void frameDocumentCarriesAStrictPolicy() {
        String doc = HtmlSanitizer.frameDocument("<p>x</p>", false);
        assertThat(doc).contains("default-src 'none'", "img-src data:;", "form-action 'none'");
    }

    @Test
    void composedHtmlKeepsFormattingOnlyAndHasAPlainTextTwin() {
        String fromEditor = "<p><strong>Đồng ý</strong> <em>triển khai</em><img src=x onerror=alert(1)></p>"
            + "<ol><li>Một</li><li>Hai</li></ol><p><a href=\"javascript:alert(1)\">x</a> <a href=\"https://laichau.gov.vn\">cổng</a></p>"
            + "<blockquote>Kính gửi</blockquote><script>alert(2)</script><p style=\"background:url(http://t/)\">hết</p>";
        String safe = FormattedText.sanitize(fromEditor);
        assertThat(safe).contains("<strong>Đồng ý</strong>", "<em>triển khai</em>", "<ol>", "<blockquote>", "href=\"https://laichau.gov.vn\"")
            .doesNotContain("img", "onerror", "javascript", "script", "style", "alert(2)");
        assertThat(FormattedText.toPlainText(fromEditor))
            .isEqualTo("Đồng ý triển khai\n1. Một\n2. Hai\nx cổng <https://laichau.gov.vn>\n> Kính gửi\nhết");
    }

    @Test
    void quillMarkupBecomesPlainHtml() {
        String quill = "<ol><li data-list=\"bullet\"><span class=\"ql-ui\" contenteditable=\"false\"></span>Một</li></ol>"
            + "<blockquote>Kính gửi các đơn vị</blockquote><blockquote>Đề nghị <strong>triển khai</strong></blockquote><p>Hết</p>";
        assertThat(FormattedText.sanitize(quill)).isEqualTo(
            "<ul><li>Một</li></ul><blockquote>Kính gửi các đơn vị<br>Đề nghị <strong>triển khai</strong></blockquote><p>Hết</p>");
        assertThat(FormattedText.toPlainText(quill)).isEqualTo("- Một\n> Kính gửi các đơn vị\n> Đề nghị triển khai\nHết");
    }

    @Test
    void plainTextQuotesBecomeBlockQuotesInTheEditorAndBack() {
        String html = FormattedText.fromPlainText("Chào anh,\n\n> Kính gửi <các> đơn vị\n> > cũ");
        assertThat(html).isEqualTo("<p>Chào anh,</p><p><br></p><blockquote><p>Kính gửi &lt;các&gt; đơn vị</p><blockquote><p>cũ</p></blockquote></blockquote>");
        assertThat(FormattedText.toPlainText(html)).isEqualTo("Chào anh,\n\n> Kính gửi <các> đơn vị\n> > cũ");
    }
}

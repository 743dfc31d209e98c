package vn.govmail.webmail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextDecodingTest {
    private static final String TEXT = "Văn bản số 12: Quyết định về việc điều động";

    /** As a Windows machine writes it: base letters (ă, ê, ơ...) precomposed, tone marks as combining characters. */
    static byte[] windows1258(String text) {
        Charset cp1258 = Charset.forName("windows-1258");
        var encoder = cp1258.newEncoder();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (char c : text.toCharArray()) {
            String s = String.valueOf(c);
            if (!encoder.canEncode(c)) {
                String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
                String tone = nfd.replaceAll("[^\u0300\u0301\u0303\u0309\u0323]", "");
                String base = nfd.replaceAll("[\u0300\u0301\u0303\u0309\u0323]", "");
                s = Normalizer.normalize(base, Normalizer.Form.NFC) + tone;
            }
            out.writeBytes(s.getBytes(cp1258));
        }
        return out.toByteArray();
    }

    @Test
    void windows1258IsDecoded() {
        byte[] bytes = windows1258(TEXT);
        assertThat(TextDecoding.decode(bytes, "windows-1258")).isEqualTo(TEXT);
    }

    @Test
    void unlabelledOrAsciiLabelledEightBitIsWindows1258() {
        // a text part without charset is reported by IMAP servers (BODYSTRUCTURE) as us-ascii
        byte[] bytes = windows1258(TEXT);
        assertThat(TextDecoding.decode(bytes, null)).isEqualTo(TEXT);
        assertThat(TextDecoding.decode(bytes, "us-ascii")).isEqualTo(TEXT);
    }

    @Test
    void decomposedTextBecomesComposed() {
        String nfd = Normalizer.normalize(TEXT, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(TEXT);
        assertThat(TextDecoding.decode(nfd.getBytes(StandardCharsets.UTF_8), "utf-8")).isEqualTo(TEXT);
    }

    @Test
    void utf8LabelledAsLatin1OrUnlabelledIsUtf8() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.decode(utf8, "iso-8859-1")).isEqualTo(TEXT);
        assertThat(TextDecoding.decode(utf8, "us-ascii")).isEqualTo(TEXT);
        assertThat(TextDecoding.decode(utf8, null)).isEqualTo(TEXT);
    }

    @Test
    void windows1258LabelledAsUtf8IsRecovered() {
        byte[] legacy = windows1258(TEXT);
        assertThat(TextDecoding.decode(legacy, "UTF-8")).isEqualTo(TEXT);
    }

    @Test
    void realLatin1StaysLatin1() {
        assertThat(TextDecoding.decode("café".getBytes(StandardCharsets.ISO_8859_1), "iso-8859-1")).isEqualTo("café");
    }

    @Test
    void foldingRemovesDiacriticsAndDStroke() {
        assertThat(TextDecoding.fold("Văn bản ĐIỀU ĐỘNG")).isEqualTo("van ban dieu dong");
    }
}

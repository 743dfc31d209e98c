package vn.govmail.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Deterministic plain-text test messages of an exact size. Every {@value #SEARCH_WORD_EVERY}th message contains
 * {@link #SEARCH_WORD}, so SEARCH BODY has a known, small number of hits.
 */
final class TestMessages {
    static final String SEARCH_WORD = "khancapbaomat";
    static final int SEARCH_WORD_EVERY = 50;
    private static final String[] WORDS = {
        "congvan", "baocao", "kehoach", "quyetdinh", "thongbao", "tinh", "huyen", "xa", "uyban", "nhandan",
        "sothongtin", "truyenthong", "ngansach", "dautu", "hanhchinh", "caicach", "chuyendoiso", "giaoduc",
        "yte", "nongnghiep", "hoinghi", "tonghop", "danhsach", "canbo", "congchuc", "vienchuc", "phoihop",
        "thuchien", "chidao", "khanchuong", "dieuchinh", "bosung", "lichhop", "tuan", "thang", "nam", "2026",
        "vanban", "trinhky", "phathanh", "luutru", "hoso", "mau", "bieumau", "soluong", "thoihan", "gap"};
    private static final int LINE_LENGTH = 72;

    private TestMessages() {
    }

    /** Message {@code index} for {@code recipient}, exactly {@code size} bytes (CRLF lines, ends with CRLF). */
    static byte[] message(int index, String recipient, int size) {
        StringBuilder text = new StringBuilder(size + 128);
        text.append("From: Bench Load <").append(SmtpSession.SENDER).append(">\r\n")
            .append("To: <").append(recipient).append(">\r\n")
            .append("Subject: Bao cao so ").append(index).append(" gui cac don vi\r\n")
            .append("Date: Sat, 21 Nov 2026 08:00:00 +0700\r\n")
            .append("Message-ID: <bench-").append(index).append('-').append(System.nanoTime()).append("@bench-client.example>\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: text/plain; charset=us-ascii\r\n")
            .append("\r\n");
        Random random = new Random(index);
        if (index % SEARCH_WORD_EVERY == 0) {
            text.append(SEARCH_WORD).append("\r\n");
        }
        StringBuilder line = new StringBuilder();
        while (text.length() + line.length() + 2 < size) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (line.length() + word.length() + 1 > LINE_LENGTH) {
                text.append(line).append("\r\n");
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        text.append(line);
        int padding = size - text.length() - 2;
        if (padding > 0) {
            text.append("x".repeat(padding));
        } else if (padding < 0) {
            text.setLength(Math.max(0, size - 2));
        }
        text.append("\r\n");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

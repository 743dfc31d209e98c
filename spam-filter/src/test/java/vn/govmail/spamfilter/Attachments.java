package vn.govmail.spamfilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test attachments and messages that carry them. */
final class Attachments {
    private Attachments() {
    }

    static byte[] message(String from, String fileName, String contentType, byte[] content) {
        String boundary = "=-b0undary-=";
        String text = "From: " + from + "\r\nTo: canbo@laichau.gov.vn\r\nSubject: Tài liệu\r\nDate: Mon, 02 Nov 2026 08:15:00 +0700\r\n"
                + "Message-ID: <att-" + fileName.hashCode() + "@test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGửi anh tài liệu.\r\n"
                + "--" + boundary + "\r\nContent-Type: " + contentType + "; name=\"" + fileName + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n--" + boundary + "--\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Windows PE file: "MZ" header pointing at a "PE\0\0" signature. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    static byte[] zip(String entryName, byte[] content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(entryName));
                zip.write(content);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP whose entry has the "encrypted" flag set in both its local and central headers. */
    static byte[] encryptedZip() {
        byte[] zip = zip("hoso.pdf", "%PDF-1.4 secret".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i + 4 < zip.length; i++) {
            boolean local = zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x03 && zip[i + 3] == 0x04;
            boolean central = zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02;
            if (local) {
                zip[i + 6] |= 1;
            } else if (central) {
                zip[i + 8] |= 1;
            }
        }
        return zip;
    }
}

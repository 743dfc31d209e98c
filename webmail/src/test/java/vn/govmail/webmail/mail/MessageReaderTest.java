package vn.govmail.webmail.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reader against a real IMAP server (GreenMail) behind a relay that counts the bytes the server sends: opening
 * a message downloads what is shown, not its attachments, unreferenced images or whole source.
 */
class MessageReaderTest {
    private static final String TEXT = "Văn bản số 12: Quyết định về việc điều động";
    private static final int BIG = 3 * 1024 * 1024;

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailAccounts.server();

    /** A message from raw MIME (so that charsets, labels and encodings are exactly what a test says). */
    private static void deliver(byte[]... pieces) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            raw.writeBytes(piece);
        }
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
        greenMail.getUserManager().getUser(GreenMailAccounts.ALICE).deliver(message);
    }

    /** Text with CRLF line ends, in UTF-8 (raw 8-bit where a test puts non-ASCII characters). */
    private static byte[] ascii(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String base64Lines(byte[] bytes) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes) + "\r\n";
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static final String HEADERS = """
        From: =?UTF-8?B?VsSDbiB0aMawIFPhu58gTuG7mWkgduG7pQ==?= <vanthu@demo.gov.vn>
        To: nguyenvana@demo.gov.vn
        Subject: =?UTF-8?B?Q8O0bmcgdsSDbiBz4buRIDEyL1VCTkQ=?=
        Date: Sat, 21 Nov 2026 09:30:00 +0700
        Message-ID: <cv12.ubnd@demo.gov.vn>
        References: <a@demo.gov.vn> <b@demo.gov.vn>
        MIME-Version: 1.0
        """;

    private long uidOfNewest(MailAccount account) throws Exception {
        return new MessageListService(account).page("INBOX", MessageSort.DATE, true, 0, 1).get(0).uid();
    }

    @Test
    void aMessageWithABigAttachmentIsShownWithoutDownloadingIt() throws Exception {
        byte[] pdf = random(BIG, 1);
        deliver(ascii(HEADERS + """
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            """), ascii(base64Lines("Kính gửi anh,\n".concat(TEXT).getBytes(StandardCharsets.UTF_8))), ascii("""
            --b1
            Content-Type: application/pdf; name="=?UTF-8?B?UXV54bq/dCDEkeG7i25oLnBkZg==?="
            Content-Disposition: attachment; filename="=?UTF-8?B?UXV54bq/dCDEkeG7i25oLnBkZg==?="
            Content-Transfer-Encoding: base64

            """), ascii(base64Lines(pdf)), ascii("--b1--\n"));
        try (CountingProxy wire = new CountingProxy(greenMail.getImap().getPort());
             MailAccount account = GreenMailAccounts.connector(greenMail, wire.port()).login(GreenMailAccounts.ALICE,
                 GreenMailAccounts.PASSWORD.toCharArray())) {
            long uid = uidOfNewest(account);
            MessageReader reader = new MessageReader(account);
            long before = wire.bytesFromServer();
            ReadableMessage read = reader.read("INBOX", uid);
            long opening = wire.bytesFromServer() - before;

            assertThat(read.subject()).isEqualTo("Công văn số 12/UBND");
            assertThat(read.from()).isEqualTo("Văn thư Sở Nội vụ <vanthu@demo.gov.vn>");
            assertThat(read.references()).isEqualTo("<a@demo.gov.vn> <b@demo.gov.vn>");
            assertThat(read.messageId()).isEqualTo("<cv12.ubnd@demo.gov.vn>");
            assertThat(read.text()).isEqualTo("Kính gửi anh,\n" + TEXT);
            assertThat(read.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.fileName()).isEqualTo("Quyết định.pdf");
                assertThat(attachment.contentType()).isEqualTo("application/pdf");
                assertThat(attachment.size()).isBetween((long) BIG, BIG * 21L / 20); // from the structure (base64 with line ends), before download
            });
            // the 4 MB of base64 stayed on the server: what came is the structure, headers and the text part
            assertThat(opening).isLessThan(16 * 1024);

            long download = wire.bytesFromServer();
            byte[] bytes = reader.attachment("INBOX", uid, read.attachments().get(0).index());
            assertThat(bytes).isEqualTo(pdf);
            assertThat(wire.bytesFromServer() - download).isGreaterThan(BIG); // it really came over the wire now

            assertThat(new MessageListService(account).page("INBOX", MessageSort.DATE, true, 0, 1).get(0).seen()).isTrue();
            long source = wire.bytesFromServer();
            assertThat(reader.rawText("INBOX", uid)).startsWith("From: ").contains("Content-Type: multipart/mixed");
            assertThat(wire.bytesFromServer() - source).isGreaterThan(BIG);
        }
    }

    @Test
    void legacyAndMislabelledCharsetsStillDecode() throws Exception {
        String nfd = java.text.Normalizer.normalize(TEXT, java.text.Normalizer.Form.NFD);
        deliver(ascii(HEADERS + """
            Content-Type: multipart/alternative; boundary="b2"

            --b2
            Content-Type: text/plain
            Content-Transfer-Encoding: 8bit

            """), TextDecodingTest.windows1258(TEXT), ascii("""

            --b2
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            """), quotedPrintable(("<p>" + nfd + "</p>").getBytes(StandardCharsets.UTF_8)), ascii("\n--b2--\n"));
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            ReadableMessage read = new MessageReader(account).read("INBOX", uidOfNewest(account));
            assertThat(read.text().strip()).isEqualTo(TEXT); // no label, windows-1258 bytes
            assertThat(read.html()).isEqualTo("<p>" + TEXT + "</p>"); // UTF-8 (decomposed) labelled iso-8859-1
            assertThat(read.attachments()).isEmpty();
        }
    }

    @Test
    void onlyTheInlineImagesTheHtmlShowsAreFetched() throws Exception {
        byte[] logo = random(2000, 2);
        byte[] unused = random(BIG, 3);
        deliver(ascii(HEADERS + """
            Content-Type: multipart/related; boundary="b3"

            --b3
            Content-Type: text/html; charset=utf-8

            <p>Kính gửi</p><img src="cid:logo1@demo">
            --b3
            Content-Type: image/png
            Content-ID: <logo1@demo>
            Content-Transfer-Encoding: base64

            """), ascii(base64Lines(logo)), ascii("""
            --b3
            Content-Type: image/png
            Content-ID: <unused@demo>
            Content-Transfer-Encoding: base64

            """), ascii(base64Lines(unused)), ascii("--b3--\n"));
        try (CountingProxy wire = new CountingProxy(greenMail.getImap().getPort());
             MailAccount account = GreenMailAccounts.connector(greenMail, wire.port()).login(GreenMailAccounts.ALICE,
                 GreenMailAccounts.PASSWORD.toCharArray())) {
            long uid = uidOfNewest(account);
            long before = wire.bytesFromServer();
            ReadableMessage read = new MessageReader(account).read("INBOX", uid);
            assertThat(wire.bytesFromServer() - before).isLessThan(32 * 1024);
            assertThat(read.html()).contains("Kính gửi");
            assertThat(read.inlineImages()).containsOnlyKeys("logo1@demo");
            assertThat(read.inlineImages().get("logo1@demo")).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(logo));
            assertThat(read.attachments()).isEmpty();
            String shown = HtmlSanitizer.sanitize(read.html(), read.inlineImages(), false).html();
            assertThat(shown).contains("src=\"data:image/png;base64,");
        }
    }

    @Test
    void aSinglePartMessageAndAGoneOne() throws Exception {
        deliver(ascii(HEADERS + """
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            """), quotedPrintable(TEXT.getBytes(StandardCharsets.UTF_8)));
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            long uid = uidOfNewest(account);
            MessageReader reader = new MessageReader(account);
            ReadableMessage read = reader.read("INBOX", uid);
            assertThat(read.text()).isEqualTo(TEXT);
            assertThat(read.html()).isNull();
            assertThat(read.flagged()).isFalse();
            new MessageActions(account).move("INBOX", Set.of(uid), "Archive");
            assertThatThrownBy(() -> reader.read("INBOX", uid)).isInstanceOf(MessageReader.MessageGoneException.class);
            assertThatThrownBy(() -> reader.rawText("INBOX", uid)).isInstanceOf(MessageReader.MessageGoneException.class);
        }
    }

    private static byte[] quotedPrintable(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var encoder = jakarta.mail.internet.MimeUtility.encode(out, "quoted-printable")) {
            encoder.write(bytes);
        }
        return out.toByteArray();
    }
}

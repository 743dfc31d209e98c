package vn.govmail.spamfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Attachment policy with Tika's content detection. */
class AttachmentStepTest {
    private static SpamFilter filter;

    @BeforeAll
    static void start() {
        var properties = Messages.settings(0);
        properties.setProperty("spam.envelope.enabled", "false");
        properties.setProperty("spam.auth.enabled", "false");
        filter = SpamFilter.start(new SpamFilterSettings(properties), null);
    }

    @AfterAll
    static void stop() {
        filter.close();
    }

    private static Verdict scan(String fileName, String type, byte[] content) {
        return filter.scan(Messages.external("203.0.113.9", "mail.x.example", "a@x.example", "canbo@laichau.gov.vn"),
                Attachments.message("a@x.example", fileName, type, content));
    }

    @Test
    void anExecutableRenamedToPdfIsCaughtByItsContent() {
        Verdict verdict = scan("HoanThue.pdf", "application/pdf", Attachments.windowsExecutable());
        assertThat(verdict.fired("ATTACH_TYPE_MISMATCH")).as(verdict.hits().toString()).isTrue();
        assertThat(verdict.action()).isEqualTo(Action.REJECT);
    }

    @Test
    void executablesAndDoubleExtensionsAreRejected() {
        assertThat(scan("HoanThue.exe", "application/octet-stream", Attachments.windowsExecutable()).fired("ATTACH_EXECUTABLE")).isTrue();
        Verdict doubled = scan("bien-ban.pdf.scr", "application/octet-stream", "text".getBytes(StandardCharsets.US_ASCII));
        assertThat(doubled.fired("ATTACH_DOUBLE_EXTENSION")).isTrue();
        assertThat(doubled.action()).isEqualTo(Action.REJECT);
    }

    @Test
    void archivesAreLookedInto() {
        Verdict exeInZip = scan("hoso.zip", "application/zip", Attachments.zip("hoso/giaymoi.exe", Attachments.windowsExecutable()));
        assertThat(exeInZip.fired("ATTACH_ARCHIVE_EXECUTABLE")).isTrue();
        assertThat(exeInZip.action()).isEqualTo(Action.REJECT);

        Verdict encrypted = scan("hoso.zip", "application/zip", Attachments.encryptedZip());
        assertThat(encrypted.fired("ATTACH_ENCRYPTED_ARCHIVE")).isTrue();
        assertThat(encrypted.fired("ATTACH_ARCHIVE_EXECUTABLE")).isFalse();
    }

    @Test
    void macroOfficeFilesAreQuarantined() {
        byte[] docm = Attachments.zip("word/vbaProject.bin", new byte[]{1, 2, 3});
        Verdict verdict = scan("congvan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docm);
        assertThat(verdict.fired("ATTACH_MACRO_OFFICE")).isTrue();
        assertThat(verdict.action()).isEqualTo(Action.QUARANTINE);
    }

    @Test
    void anOrdinaryPdfPasses() {
        Verdict verdict = scan("congvan-123.pdf", "application/pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(verdict.hits()).noneMatch(hit -> hit.rule().startsWith("ATTACH_"));
        assertThat(verdict.action()).isEqualTo(Action.DELIVER);
    }
}

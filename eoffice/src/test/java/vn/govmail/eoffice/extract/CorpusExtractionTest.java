package vn.govmail.eoffice.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.govmail.eoffice.Corpus;
import vn.govmail.eoffice.FlatJson;
import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.mail.MailMessageReader;

/**
 * Field-level exact-match accuracy of the extractor on ../shared/corpus/vi/documents (each .eml with its expected
 * .json). Prints the figures per field (they go into docs/eoffice.md) and requires ≥ 95 % overall.
 */
class CorpusExtractionTest {
    /** Corpus JSON key → the extractor's field. */
    static final Map<String, MetadataField> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("codeNumber", MetadataField.CodeNumber);
        EXPECTED.put("codeNotation", MetadataField.CodeNotation);
        EXPECTED.put("issuedDate", MetadataField.PromulgationDate);
        EXPECTED.put("place", MetadataField.Place);
        EXPECTED.put("issuer", MetadataField.OrganName);
        EXPECTED.put("documentType", MetadataField.TypeName);
        EXPECTED.put("subject", MetadataField.Subject);
        EXPECTED.put("urgency", MetadataField.Priority);
        EXPECTED.put("signer", MetadataField.SignerFullName);
    }

    @Test
    void extractionAccuracyOnTheCorpus() throws Exception {
        Path documents = Corpus.documents();
        List<Path> mails;
        try (Stream<Path> files = Files.list(documents)) {
            mails = files.filter(file -> file.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(mails).isNotEmpty();
        MetadataExtractor extractor = new MetadataExtractor(new AttachmentText());
        MailMessageReader reader = new MailMessageReader();
        Map<String, int[]> hits = new LinkedHashMap<>();
        EXPECTED.keySet().forEach(key -> hits.put(key, new int[1]));
        int documentsRecognised = 0;
        for (Path mail : mails) {
            Map<String, String> expected = FlatJson.parse(Files.readString(Path.of(mail.toString().replace(".eml", ".json")), StandardCharsets.UTF_8));
            MetadataExtractor.Extraction result = extractor.extract(reader.read(Files.readAllBytes(mail)));
            documentsRecognised += result.isDocument() ? 1 : 0;
            for (Map.Entry<String, MetadataField> field : EXPECTED.entrySet()) {
                String want = nfc(expected.get(field.getKey()));
                String got = result.metadata().value(field.getValue());
                if (Objects.equals(want, got)) {
                    hits.get(field.getKey())[0]++;
                } else {
                    System.out.println("MISS " + mail.getFileName() + " " + field.getValue() + ": expected '" + want + "', got '" + got + "'");
                }
            }
        }
        int total = 0;
        StringBuilder report = new StringBuilder("Extraction accuracy on " + mails.size() + " corpus documents (exact match):\n");
        for (Map.Entry<String, int[]> entry : hits.entrySet()) {
            total += entry.getValue()[0];
            report.append(String.format("  %-17s %3d/%d  %5.1f %%%n", EXPECTED.get(entry.getKey()), entry.getValue()[0], mails.size(),
                100.0 * entry.getValue()[0] / mails.size()));
        }
        double overall = 100.0 * total / (mails.size() * EXPECTED.size());
        report.append(String.format("  %-17s %3d/%d  %5.1f %%%n", "overall", total, mails.size() * EXPECTED.size(), overall));
        System.out.print(report);
        assertThat(documentsRecognised).isEqualTo(mails.size());
        assertThat(overall).isGreaterThanOrEqualTo(95.0);
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}

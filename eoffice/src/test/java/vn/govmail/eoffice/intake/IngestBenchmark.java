package vn.govmail.eoffice.intake;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.govmail.eoffice.TestDatabase;
import vn.govmail.eoffice.TestPdf;
import vn.govmail.eoffice.extract.AttachmentText;
import vn.govmail.eoffice.extract.PdfAndVariantsExtractionTest;
import vn.govmail.eoffice.mail.MailMessageReader;
import vn.govmail.eoffice.search.DocumentIndex;
import vn.govmail.eoffice.store.DocumentStore;

/**
 * Benchmark (not part of the suite; bench/eoffice-ingest-benchmark.sh runs it): time to ingest a document mail
 * carrying a 5 MB PDF (parse, extract, record with the attachment in PostgreSQL, index, build the acknowledgement),
 * p50 and p99, against a baseline measured in the same run on the same mail: MIME parsing plus storing the same
 * bytes with one plain INSERT (the least any durable intake must do).
 */
class IngestBenchmark {
    @TempDir
    Path indexDir;

    @Test
    void ingestADocumentMailWithAFiveMegabytePdf() throws Exception {
        assumeTrue(Boolean.getBoolean("eoffice.bench"), "run with -Deoffice.bench=true");
        int runs = Integer.getInteger("eoffice.bench.runs", 40);
        byte[] pdf = TestPdf.document(PdfAndVariantsExtractionTest.DECISION, 5 * 1024 * 1024);
        byte[] mail = PdfAndVariantsExtractionTest.mailWithPdf(pdf, "Quyet dinh 05/2026/QD-UBND");
        try (TestDatabase database = new TestDatabase()) {
            DocumentStore store = new DocumentStore(database.dataSource());
            store.saveUnit(DocumentIntakeTest.UNIT);
            try (DocumentIndex index = new DocumentIndex(indexDir);
                 Connection connection = database.dataSource().getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE baseline (id BIGSERIAL PRIMARY KEY, content BYTEA NOT NULL)");
                }
                DocumentIntake intake = new DocumentIntake(store, index, new AttachmentText(), new StatusNotices(Clock.systemUTC()));
                MailMessageReader reader = new MailMessageReader();
                for (int i = 0; i < 3; i++) { // warm-up
                    intake.ingest(DocumentIntakeTest.UNIT, mail);
                }
                List<Double> ingest = new ArrayList<>();
                List<Double> baseline = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    var parsed = reader.read(mail);
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO baseline (content) VALUES (?)")) {
                        insert.setBytes(1, parsed.attachments().get(0).content());
                        insert.executeUpdate();
                    }
                    baseline.add((System.nanoTime() - start) / 1e6);
                    start = System.nanoTime();
                    intake.ingest(DocumentIntakeTest.UNIT, mail);
                    ingest.add((System.nanoTime() - start) / 1e6);
                }
                System.out.printf(Locale.ROOT, "eoffice ingest of a %.1f MB PDF mail, %d runs:%n", mail.length / 1048576.0, runs);
                System.out.printf(Locale.ROOT, "  ingest   p50 %7.1f ms  p99 %7.1f ms%n", percentile(ingest, 50), percentile(ingest, 99));
                System.out.printf(Locale.ROOT, "  baseline p50 %7.1f ms  p99 %7.1f ms  (MIME parse + one INSERT of the PDF)%n",
                    percentile(baseline, 50), percentile(baseline, 99));
                System.out.printf(Locale.ROOT, "  ratio    p50 %.2fx  p99 %.2fx%n", percentile(ingest, 50) / percentile(baseline, 50),
                    percentile(ingest, 99) / percentile(baseline, 99));
            }
        }
    }

    static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}

package vn.govmail.mailserver.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;


import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.SearchQuery;
import org.apache.james.mailbox.store.extractor.DefaultTextExtractor;
import org.apache.james.mailbox.store.mail.model.MailboxMessage;
import org.apache.james.mailbox.store.search.MessageSearches;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * In-process benchmark of the search index on N parsed messages (default 100,000), without IMAP or PostgreSQL:
 * indexing throughput of {@link MessageIndexer} (the code the {@code search-indexing} thread runs: MIME parsing,
 * Tika on attachments, Lucene), index size on disk after a commit, and the latency of the index's answer to text
 * criteria ({@link IndexedTextMatcher} + {@link TextOnlyQuery}, what an IMAP SEARCH spends in the index once its
 * mailbox is known to be in sync), against James's scanning matcher ({@link MessageSearches}) over the same
 * messages held in memory (a lower bound of the scanning search, which also reads every message from PostgreSQL).
 *
 * <p>Messages: the SpamAssassin corpus (ham and spam, repeated) and generated Vietnamese official mail, a tenth
 * of it with a DOCX and a tenth with a PDF attachment (generated with POI/PDFBox, Vietnamese text in the document);
 * every tenth message carries a unique token "hosochuyenN". Run by {@code bench/search-index-benchmark.sh}.
 *
 * <p>usage: SearchIndexBenchmark CORPUS_DIR N ROUNDS SCAN_ROUNDS WORK_DIR
 */
public final class SearchIndexBenchmark {
    private static final String[] UNITS = {"Sở Nội vụ", "Sở Tài chính", "UBND tỉnh Lai Châu", "Văn phòng UBND tỉnh",
        "Sở Thông tin và Truyền thông"};
    private static final String[] TOPICS = {"triển khai hệ thống thư điện tử công vụ", "báo cáo tài chính quý III",
        "kế hoạch chuyển đổi số", "lịch họp giao ban tháng", "văn bản đến số %d về cải cách hành chính"};
    private static final int DISTINCT_ATTACHMENTS = 200;

    /** {@code scanned}: also timed with the scanning matcher (one round over every message: minutes at 100,000). */
    private record Query(String label, SearchQuery.Criterion criterion, boolean scanned) {
        Query(String label, SearchQuery.Criterion criterion) {
            this(label, criterion, false);
        }
    }

    private static final List<Query> QUERIES = List.of(
        new Query("BODY word, frequent (report)", SearchQuery.bodyContains("report"), true),
        new Query("BODY word, rare (hosochuyen110)", SearchQuery.bodyContains("hosochuyen110"), true),
        new Query("BODY phrase, folded (van ban den)", SearchQuery.bodyContains("van ban den")),
        new Query("BODY phrase, exact (văn bản đến)", SearchQuery.bodyContains("văn bản đến"), true),
        new Query("BODY phrase, English (free software)", SearchQuery.bodyContains("free software")),
        new Query("BODY substring (ownloa)", SearchQuery.bodyContains("ownloa")),
        new Query("BODY attachment text (phụ lục 17)", SearchQuery.bodyContains("phụ lục 17")),
        new Query("FROM (vanthu)", SearchQuery.address(SearchQuery.AddressType.From, "vanthu"), true),
        new Query("FROM address (vanthu@demo.gov.vn)", SearchQuery.address(SearchQuery.AddressType.From, "vanthu@demo.gov.vn")),
        new Query("TO domain (@demo.gov.vn)", SearchQuery.address(SearchQuery.AddressType.To, "@demo.gov.vn")),
        new Query("SUBJECT (báo cáo tài chính)", SearchQuery.headerContains("Subject", "báo cáo tài chính")),
        new Query("HEADER Message-ID (bench-4711)", SearchQuery.headerContains("Message-ID", "bench-4711")),
        new Query("TEXT word (spamassassin)", SearchQuery.mailContains("spamassassin")),
        new Query("BODY no match (zzqqxxyyww)", SearchQuery.bodyContains("zzqqxxyyww")));

    private SearchIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int scanRounds = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        Mailbox mailbox = TestMessages.inbox("nguyenvana@demo.gov.vn", 1);

        long began = System.nanoTime();
        List<MailboxMessage> messages = messages(corpus, n, mailbox);
        long bytes = 0;
        for (MailboxMessage message : messages) {
            bytes += message.getFullContentOctets();
        }
        System.out.printf(Locale.ROOT, "corpus: %d messages, %.1f MB, built in %.1f s%n", messages.size(), bytes / 1e6,
            (System.nanoTime() - began) / 1e9);

        Path indexPath = work.resolve("search-index");
        Files.createDirectories(indexPath);
        try (SearchIndexStore store = new SearchIndexStore(indexPath)) {
            MessageTextExtractor extractor = new MessageTextExtractor(new AttachmentTextExtractor(SearchComponents.MAX_ATTACHMENT_BYTES,
                SearchComponents.MAX_ATTACHMENT_CHARS, SearchComponents.ATTACHMENT_TIMEOUT), SearchComponents.MAX_MESSAGE_CHARS);
            MessageIndexer indexer = new MessageIndexer(store, extractor);
            if (store.documentCount() == messages.size()) {
                System.out.println("indexing: skipped, the index in " + indexPath + " is reused (query timings only)");
            } else {
                index(indexer, store, mailbox, messages, Integer.getInteger("bench.indexThreads", 1));
            }
            System.out.printf(Locale.ROOT, "index on disk: %.1f MB (%d documents)%n", size(indexPath) / 1e6, store.documentCount());

            // The scanning matcher runs meanwhile on other threads (minutes at 100,000 messages); per-thread CPU times
            // stay comparable, wall times of both are those of a shared machine.
            ExecutorService scanPool = Executors.newCachedThreadPool();
            Map<Query, Future<String>> scans = scanning(scanPool, messages, scanRounds);
            IndexedTextMatcher matcher = new IndexedTextMatcher(store);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            System.out.printf(Locale.ROOT, "index answer (%d rounds per query after one unmeasured round, one thread):%n", rounds);
            System.out.printf(Locale.ROOT, "%-40s %6s %9s %9s %9s %9s%n", "criterion", "hits", "wall p50", "wall p99", "CPU p50", "CPU p99");
            for (Query query : QUERIES) {
                SearchQuery searchQuery = SearchQuery.of(query.criterion());
                double[] latencies = new double[rounds];
                double[] cpu = new double[rounds];
                // One unmeasured round first: the first use of a query shape includes JIT compilation of its code.
                int hits = indexAnswer(matcher, store, mailbox, searchQuery).size();
                for (int round = 0; round < rounds; round++) {
                    long start = System.nanoTime();
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    hits = indexAnswer(matcher, store, mailbox, searchQuery).size();
                    cpu[round] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                    latencies[round] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(latencies);
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT, "%-40s %6d %7.1fms %7.1fms %7.1fms %7.1fms%n", query.label(), hits,
                    percentile(latencies, 50), percentile(latencies, 99), percentile(cpu, 50), percentile(cpu, 99));
            }
            System.out.printf(Locale.ROOT, "scanning matcher (James's MessageSearches over the same messages in memory, %d round(s), "
                + "one thread per query):%n", scanRounds);
            System.out.printf(Locale.ROOT, "%-40s %6s %11s %11s%n", "criterion", "hits", "wall", "CPU");
            for (Future<String> result : scans.values()) {
                System.out.println(result.get());
            }
            scanPool.shutdown();
        }
    }

    /** The scanning matcher on the queries marked for it, one thread per query (each reads every message). */
    private static Map<Query, Future<String>> scanning(ExecutorService pool, List<MailboxMessage> messages, int scanRounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Query, Future<String>> results = new java.util.LinkedHashMap<>();
        for (Query query : QUERIES) {
            if (!query.scanned() || scanRounds == 0) {
                continue;
            }
            results.put(query, pool.submit(() -> {
                double scanMs = 0;
                double scanCpu = 0;
                long hits = -1;
                for (int round = 0; round < scanRounds; round++) {
                    long start = System.nanoTime();
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    hits = scan(messages, SearchQuery.of(query.criterion()));
                    scanCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                    scanMs = (System.nanoTime() - start) / 1e6;
                }
                return String.format(Locale.ROOT, "%-40s %6d %9.0fms %9.0fms", query.label(), hits, scanMs, scanCpu);
            }));
        }
        return results;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1))];
    }

    /** The index's share of {@code UID SEARCH <criterion>} on a mailbox in sync: candidates, exact check, UID order. */
    private static List<MessageUid> indexAnswer(IndexedTextMatcher matcher, SearchIndexStore store, Mailbox mailbox, SearchQuery query) {
        String mailboxId = mailbox.getMailboxId().serialize();
        Map<SearchQuery.Criterion, Set<Long>> matches = new IdentityHashMap<>();
        for (SearchQuery.Criterion criterion : query.getCriteria()) {
            matches.put(criterion, matcher.matchingUids(mailboxId, IndexedTextCriterion.of(criterion).orElseThrow()));
        }
        return TextOnlyQuery.evaluate(query.getCriteria(), () -> store.uids(MailboxReconciler.mailboxQuery(mailbox)), matches);
    }

    private static long scan(List<MailboxMessage> messages, SearchQuery query) {
        MailboxSession session = new MailboxSession(MailboxSession.SessionId.of(1), Username.of("nguyenvana@demo.gov.vn"),
            Optional.empty(), List.of(Locale.ROOT), '.', MailboxSession.SessionType.System);
        MessageSearches searches = new MessageSearches(messages.iterator(), query, new DefaultTextExtractor(),
            (attachment, s) -> {
                throw new UnsupportedOperationException("attachment criteria are not benchmarked");
            }, session);
        long count = 0;
        for (var ignored : searches) {
            count++;
        }
        return count;
    }

    /** Indexes with {@code threads} threads (the server's queue uses one; more only to finish sooner on a shared machine). */
    private static void index(MessageIndexer indexer, SearchIndexStore store, Mailbox mailbox, List<MailboxMessage> messages, int threads)
        throws Exception {
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(pool.submit(() -> {
                for (int i = first; i < messages.size(); i += threads) {
                    indexer.index(mailbox, messages.get(i));
                    if (done.incrementAndGet() % 10_000 == 0) {
                        System.out.printf(Locale.ROOT, "  indexed %d (%.0f msg/s)%n", done.get(), done.get() / ((System.nanoTime() - start) / 1e9));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        store.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        System.out.printf(Locale.ROOT, "indexing: %d messages in %.1f s wall = %.0f msg/s (%d indexing thread(s), commit included); "
            + "%.1f CPU-s of the JVM = %.2f ms CPU per message = %.0f msg/s per fully used core%n", messages.size(), seconds,
            messages.size() / seconds, threads, cpu, cpu * 1000 / messages.size(), messages.size() / cpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    private static List<MailboxMessage> messages(Path corpus, int n, Mailbox mailbox) throws IOException {
        List<byte[]> spamassassin = new ArrayList<>();
        for (String folder : List.of("ham", "spam")) {
            try (Stream<Path> files = Files.list(corpus.resolve("spamassassin").resolve(folder))) {
                for (Path file : files.sorted().toList()) {
                    spamassassin.add(crlf(Files.readAllBytes(file)));
                }
            }
        }
        Random random = new Random(2026);
        List<byte[]> docx = new ArrayList<>();
        List<byte[]> pdf = new ArrayList<>();
        for (int k = 0; k < DISTINCT_ATTACHMENTS; k++) {
            docx.add(docx(k, random));
            pdf.add(pdf(k, random));
        }
        List<MailboxMessage> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] raw;
            if (i % 2 == 1) {
                raw = spamassassin.get((i / 2) % spamassassin.size());
            } else if (i % 10 == 4) {
                raw = vietnamese(i, random, "quyet-dinh-" + i + ".docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.get(i % DISTINCT_ATTACHMENTS));
            } else if (i % 10 == 8) {
                raw = vietnamese(i, random, "bao-cao-" + i + ".pdf", "application/pdf", pdf.get(i % DISTINCT_ATTACHMENTS));
            } else {
                raw = vietnamese(i, random, null, null, null);
            }
            if (i % 10 == 0) {
                raw = withToken(raw, "hosochuyen" + i);
            }
            messages.add(TestMessages.message(mailbox, i + 1, raw));
        }
        return messages;
    }

    private static String paragraph(int i, Random random) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 30; k++) {
            text.append(TOPICS[random.nextInt(TOPICS.length)].replace("%d", Integer.toString(i))).append(' ');
        }
        return text.toString();
    }

    private static byte[] vietnamese(int i, Random random, String fileName, String type, byte[] attachment) {
        String topic = TOPICS[random.nextInt(TOPICS.length)].replace("%d", Integer.toString(i));
        String body = "Kính gửi: " + UNITS[random.nextInt(UNITS.length)] + "\r\nV/v " + topic + ".\r\n" + paragraph(i, random)
            + "\r\nMã hồ sơ hs" + i + ".\r\n";
        String headers = "From: " + UNITS[random.nextInt(UNITS.length)] + " <vanthu@demo.gov.vn>\r\nTo: nguyenvana@demo.gov.vn\r\n"
            + "Subject: " + topic + "\r\nMessage-ID: <bench-" + i + "@demo.gov.vn>\r\nDate: Sat, 21 Nov 2026 10:00:00 +0700\r\n"
            + "MIME-Version: 1.0\r\n";
        if (attachment == null) {
            return (headers + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
        }
        return (headers + "Content-Type: multipart/mixed; boundary=\"b" + i + "\"\r\n\r\n--b" + i + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n--b" + i + "\r\n"
            + "Content-Type: " + type + "\r\nContent-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--b" + i + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] docx(int k, Random random) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("QUYẾT ĐỊNH số " + k + "/QĐ-UBND về " + TOPICS[k % TOPICS.length].replace("%d", "" + k));
            document.createParagraph().createRun().setText("Phụ lục " + k + ": " + paragraph(k, random));
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] pdf(int k, Random random) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, new java.io.File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 10);
                content.newLineAtOffset(40, 740);
                content.showText("BÁO CÁO số " + k + " - Phụ lục " + k);
                String text = paragraph(k, random);
                for (int line = 0; line < 8; line++) {
                    content.newLineAtOffset(0, -14);
                    content.showText(text.substring(line * 60, Math.min(text.length(), line * 60 + 60)));
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] withToken(byte[] raw, String token) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int bodyStart = TestMessages.bodyStart(raw);
        // At the start of the body; for multipart mail, of the first part's body.
        int partBody = text.indexOf("\r\n\r\n", bodyStart);
        int at = isMultipart(text, bodyStart) && partBody >= 0 ? partBody + 4 : bodyStart;
        return (text.substring(0, at) + token + "\r\n" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isMultipart(String text, int bodyStart) {
        return text.substring(0, bodyStart).toLowerCase(Locale.ROOT).contains("multipart/");
    }

    private static byte[] crlf(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

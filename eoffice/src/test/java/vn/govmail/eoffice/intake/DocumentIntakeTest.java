package vn.govmail.eoffice.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.govmail.eoffice.Corpus;
import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.TestDatabase;
import vn.govmail.eoffice.access.DocumentAction;
import vn.govmail.eoffice.access.DocumentRole;
import vn.govmail.eoffice.access.PersonalAccess;
import vn.govmail.eoffice.edxml.EdxmlParser;
import vn.govmail.eoffice.edxml.EdxmlStatus;
import vn.govmail.eoffice.edxml.StatusCode;
import vn.govmail.eoffice.extract.AttachmentText;
import vn.govmail.eoffice.search.DocumentIndex;
import vn.govmail.eoffice.store.DocumentQuery;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.DocumentState;
import vn.govmail.eoffice.store.DocumentStore;
import vn.govmail.eoffice.store.StateChangeRefused;
import vn.govmail.eoffice.store.Unit;

/** The bridge against a real PostgreSQL: recording, duplicates, secrets, acknowledgements, the workflow, số đến. */
class DocumentIntakeTest {
    static final Unit UNIT = new Unit("snv", "Sở Nội vụ tỉnh Lai Châu", "vanban.snv@laichau.gov.vn", "vanthu.snv@laichau.gov.vn", "000.00.05.H30");

    // One database for the class (creating one costs seconds on a loaded machine); each test has its own unit.
    private static TestDatabase database;
    private static DocumentStore store;
    @TempDir
    Path indexDir;
    private Unit unit;
    private DocumentIndex index;
    private DocumentIntake intake;
    private DocumentWorkflow workflow;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = new TestDatabase();
        store = new DocumentStore(database.dataSource());
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @BeforeEach
    void start() throws Exception {
        String id = "u" + Long.toHexString(System.nanoTime());
        unit = new Unit(id, UNIT.name(), "vanban." + id + "@laichau.gov.vn", UNIT.clerkMailbox(), UNIT.organId());
        store.saveUnit(unit);
        index = new DocumentIndex(indexDir);
        StatusNotices notices = new StatusNotices(Clock.systemUTC());
        intake = new DocumentIntake(store, index, new AttachmentText(), notices);
        workflow = new DocumentWorkflow(store, notices);
    }

    @AfterEach
    void stop() throws Exception {
        index.close();
    }

    private static byte[] corpus(String name) throws Exception {
        return Files.readAllBytes(Corpus.documents().resolve(name));
    }

    @Test
    void anOrdinaryDocumentMailIsRecordedAcknowledgedIndexedAndADuplicateIsWarned() throws Exception {
        IntakeResult first = intake.ingest(unit, corpus("001.eml"));
        assertThat(first.kind()).isEqualTo(IntakeResult.Kind.RECORDED);
        DocumentRecord record = store.get(first.documentId()).orElseThrow();
        assertThat(record.state()).isEqualTo(DocumentState.PENDING);
        assertThat(record.metadata().numberNotation()).isEqualTo("12/SNV-CCHC");
        assertThat(record.metadata().get(MetadataField.OrganName).confidence()).isGreaterThan(0.9);
        assertThat(record.attachments()).extracting(a -> a.name()).containsExactly("12_SNV-CCHC.docx");
        assertThat(store.attachmentContent(record.id(), record.attachments().get(0).id()).orElseThrow()).startsWith(new byte[] {'P', 'K'});
        assertThat(first.notices()).anySatisfy(notice -> {
            assertThat(notice.to()).isEqualTo("sonoivu@dienbien.gov.vn");
            assertThat(notice.subject()).startsWith("[01 - Đã đến]");
            assertThat(notice.edxmlAttachment()).isNull();
        });
        assertThat(first.notices()).anySatisfy(notice -> assertThat(notice.subject()).startsWith("[KHẨN]"));
        // Found with and without diacritics
        assertThat(index.search(unit.unitId(), "thư điện tử công vụ", 10)).containsExactly(record.id());
        assertThat(index.search(unit.unitId(), "thu dien tu cong vu", 10)).containsExactly(record.id());

        IntakeResult again = intake.ingest(unit, corpus("001.eml"));
        assertThat(again.duplicateOf()).isEqualTo(record.id());
        assertThat(store.get(again.documentId()).orElseThrow().duplicateReason()).contains("12/SNV-CCHC");
        assertThat(again.notices()).anySatisfy(notice -> assertThat(notice.subject()).startsWith("[Trùng văn bản]"));
    }

    @Test
    void anEdxmlPackageIsRecordedWithFullConfidenceAndAcknowledgedInEdxml() throws Exception {
        byte[] edxml;
        try (InputStream in = getClass().getResourceAsStream("/edxml/congvan-123.edxml")) {
            edxml = in.readAllBytes();
        }
        IntakeResult result = intake.ingest(unit, mailWithAttachment("stttt@laichau.gov.vn", "Gửi văn bản điện tử", edxml, "vanban.edxml"));
        assertThat(result.kind()).isEqualTo(IntakeResult.Kind.RECORDED);
        DocumentRecord record = store.get(result.documentId()).orElseThrow();
        assertThat(record.documentId()).isEqualTo("000.00.12.H30,2026/11/20,123/STTTT-VP");
        assertThat(record.metadata().value(MetadataField.Subject)).isEqualTo("triển khai chữ ký số chuyên dùng cho cán bộ cấp xã");
        assertThat(record.metadata().value(MetadataField.Priority)).isEqualTo("Thượng khẩn");
        assertThat(record.metadata().get(MetadataField.CodeNumber).confidence()).isEqualTo(1.0);
        assertThat(record.attachments()).extracting(a -> a.name()).containsExactly("goi-tin.edxml", "123_STTTT-VP.txt");
        Notice ack = result.notices().stream().filter(n -> n.to().equals("stttt@laichau.gov.vn")).findFirst().orElseThrow();
        EdxmlStatus status = (EdxmlStatus) new EdxmlParser().parse(ack.edxmlAttachment());
        assertThat(status.statusCode()).isEqualTo(StatusCode.ARRIVED);
        assertThat(status.responseFor().documentId()).isEqualTo(record.documentId());
        assertThat(status.from().organId()).isEqualTo("000.00.05.H30");

        IntakeResult again = intake.ingest(unit, mailWithAttachment("stttt@laichau.gov.vn", "Gửi lại", edxml, "vanban.edxml"));
        assertThat(again.duplicateOf()).isEqualTo(record.id());

        IntakeResult broken = intake.ingest(unit, mailWithAttachment("stttt@laichau.gov.vn", "Hỏng",
            new String(edxml, StandardCharsets.UTF_8).replaceAll("(?s)<edXML:To>.*?</edXML:To>", "").getBytes(StandardCharsets.UTF_8), "x.edxml"));
        assertThat(broken.kind()).isEqualTo(IntakeResult.Kind.REJECTED);
        assertThat(broken.reason()).startsWith("N.To");
        assertThat(broken.notices()).singleElement().satisfies(n -> assertThat(n.text()).contains("N.To"));
    }

    @Test
    void aSecretDocumentIsFlaggedTheClerkAlertedTheSenderAnsweredAndNothingIndexed() throws Exception {
        String mail = """
            From: Ban Chỉ huy Quân sự <bchqs@laichau.gov.vn>
            To: vanban.snv@laichau.gov.vn
            Subject: Văn bản số 77/BCH-TM
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            BỘ CHỈ HUY QUÂN SỰ TỈNH LAI CHÂU
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Số: 77/BCH-TM
            Lai Châu, ngày 10 tháng 11 năm 2026
            TỐI MẬT
            V/v phương án phòng thủ khu vực biên giới
            Nội dung kế hoạch tác chiến bí mật.
            CHỈ HUY TRƯỞNG
            Lò Văn Minh
            """;
        IntakeResult result = intake.ingest(unit, mail.getBytes(StandardCharsets.UTF_8));
        assertThat(result.kind()).isEqualTo(IntakeResult.Kind.RECORDED);
        assertThat(result.secret()).isTrue();
        DocumentRecord record = store.get(result.documentId()).orElseThrow();
        assertThat(record.secret()).isTrue();
        assertThat(record.metadata().value(MetadataField.Secrecy)).isEqualTo("Tối mật");
        assertThat(store.text(record.id())).isEmpty();
        assertThat(index.search(unit.unitId(), "kế hoạch tác chiến", 10)).isEmpty();
        assertThat(index.size()).isZero();
        assertThat(result.notices()).extracting(Notice::to).containsExactlyInAnyOrder("vanthu.snv@laichau.gov.vn", "bchqs@laichau.gov.vn");
        assertThat(result.notices()).noneMatch(n -> n.subject().startsWith("[01"));
    }

    @Test
    void anOrdinaryMailStaysAPlainMail() throws Exception {
        String mail = """
            From: Nguyễn Văn A <nguyenvana@laichau.gov.vn>
            To: vanban.snv@laichau.gov.vn
            Subject: Lịch họp giao ban tuần sau
            Content-Type: text/plain; charset=utf-8

            Chào chị, tuần sau họp giao ban vào thứ Hai lúc 8 giờ.
            """;
        assertThat(intake.ingest(unit, mail.getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(IntakeResult.Kind.NOT_A_DOCUMENT);
        assertThat(store.list(DocumentQuery.all(unit.unitId()))).isEmpty();
    }

    @Test
    void theWorkflowRunsFromArrivalToCompletionWithStatusesAndHistory() throws Exception {
        long id = intake.ingest(unit, corpus("002.eml")).documentId();
        assertThatThrownBy(() -> workflow.complete(id, "vanthu", null)).isInstanceOf(StateChangeRefused.class);
        DocumentWorkflow.StepResult registered = workflow.register(id, "vanthu.snv@laichau.gov.vn");
        assertThat(registered.document().arrivalNumber()).isEqualTo(1);
        assertThat(registered.notices()).singleElement().satisfies(n -> assertThat(n.subject()).startsWith("[03 - Đã tiếp nhận]"));
        workflow.present(id, "vanthu.snv@laichau.gov.vn", "giamdoc@laichau.gov.vn");
        DocumentWorkflow.StepResult directed = workflow.direct(id, "giamdoc@laichau.gov.vn", "Giao phòng CCHC chủ trì",
            "truongphong.cchc@laichau.gov.vn", "phophong@laichau.gov.vn", LocalDate.of(2026, 12, 1));
        assertThat(directed.notices()).extracting(Notice::to).contains("truongphong.cchc@laichau.gov.vn", "phophong@laichau.gov.vn",
            "vanthu.stttt@langson.gov.vn");
        workflow.progress(id, "truongphong.cchc@laichau.gov.vn", "Đã dự thảo văn bản trả lời");
        DocumentRecord done = workflow.complete(id, "truongphong.cchc@laichau.gov.vn", "Đã trả lời bằng văn bản 15/SNV-CCHC").document();
        assertThat(done.state()).isEqualTo(DocumentState.COMPLETED);
        assertThat(store.history(id)).extracting(h -> h.action())
            .containsExactly("received", "register", "present", "direct", "progress", "complete");

        long late = intake.ingest(unit, corpus("005.eml")).documentId();
        workflow.register(late, "vanthu");
        workflow.present(late, "vanthu", "giamdoc@laichau.gov.vn");
        workflow.direct(late, "giamdoc", null, "chuyenvien@laichau.gov.vn", null, LocalDate.now().plusDays(1));
        DeadlineReminders reminders = new DeadlineReminders(store, Clock.systemUTC());
        assertThat(reminders.due()).extracting(r -> r.notice().to()).containsExactlyInAnyOrder("chuyenvien@laichau.gov.vn", unit.clerkMailbox());
        assertThat(reminders.due()).as("once a day").isEmpty();

        long other = intake.ingest(unit, corpus("003.eml")).documentId();
        assertThatThrownBy(() -> workflow.returnToSender(other, "vanthu", " ")).isInstanceOf(StateChangeRefused.class);
        DocumentWorkflow.StepResult returned = workflow.returnToSender(other, "vanthu", "Gửi nhầm cơ quan");
        assertThat(returned.document().state()).isEqualTo(DocumentState.RETURNED);
        assertThat(returned.notices()).singleElement().satisfies(n -> assertThat(n.text()).contains("Lý do trả lại: Gửi nhầm cơ quan"));
    }

    /** Who sees which document and may take which step (the webmail's views): văn thư, leader, chủ trì, phối hợp, a stranger. */
    @Test
    void personalAccessFollowsTheRolesAndTheState() throws Exception {
        long id = intake.ingest(unit, corpus("002.eml")).documentId();
        long untouched = intake.ingest(unit, corpus("003.eml")).documentId();
        PersonalAccess clerk = new PersonalAccess(" VANTHU.SNV@laichau.gov.vn", store.units());
        PersonalAccess leader = new PersonalAccess("giamdoc." + unit.unitId() + "@laichau.gov.vn", store.units());
        PersonalAccess lead = new PersonalAccess("tp." + unit.unitId() + "@laichau.gov.vn", store.units());
        PersonalAccess support = new PersonalAccess("pp." + unit.unitId() + "@laichau.gov.vn", store.units());
        PersonalAccess stranger = new PersonalAccess("ai.do@laichau.gov.vn", store.units());
        DocumentQuery mine = DocumentQuery.all(null);
        assertThat(clerk.clerkUnits()).contains(unit.unitId());
        assertThat(store.list(mine.forAudience(clerk.audience()))).extracting(DocumentRecord::id).contains(id, untouched);
        assertThat(store.list(mine.forAudience(leader.audience()))).isEmpty();
        assertThat(store.list(mine.forAudience(stranger.audience()))).isEmpty();
        DocumentRecord pending = store.get(id).orElseThrow();
        assertThat(clerk.actions(pending)).containsExactlyInAnyOrder(DocumentAction.CORRECT, DocumentAction.REGISTER, DocumentAction.RETURN);
        assertThat(stranger.maySee(pending)).isFalse();

        workflow.register(id, clerk.person());
        DocumentRecord presented = workflow.present(id, clerk.person(), leader.person().toUpperCase(java.util.Locale.ROOT)).document();
        assertThat(leader.roles(presented)).containsExactly(DocumentRole.LEADER);
        assertThat(leader.actions(presented)).containsExactly(DocumentAction.DIRECT);
        assertThat(store.list(mine.forAudience(leader.audience()))).extracting(DocumentRecord::id).containsExactly(id);
        assertThat(store.personalCounts(leader.person())).isEqualTo(new DocumentStore.PersonalCounts(1, 0));
        assertThat(lead.maySee(presented)).isFalse();

        DocumentRecord directed = workflow.direct(id, leader.person(), "Giao phòng chủ trì", lead.person(),
            "khac@laichau.gov.vn; " + support.person(), null).document();
        assertThat(leader.actions(directed)).isEmpty();
        assertThat(lead.actions(directed)).containsExactlyInAnyOrder(DocumentAction.PROGRESS, DocumentAction.COMPLETE);
        assertThat(support.actions(directed)).containsExactly(DocumentAction.PROGRESS);
        assertThat(store.list(mine.forAudience(support.audience()))).extracting(DocumentRecord::id).containsExactly(id);
        assertThat(store.list(mine.forAudience(lead.audience()))).extracting(DocumentRecord::id).containsExactly(id);
        assertThat(store.personalCounts(support.person())).isEqualTo(new DocumentStore.PersonalCounts(0, 1));
        assertThat(store.list(mine.forAudience(stranger.audience()))).isEmpty();
        assertThat(clerk.actions(workflow.complete(id, lead.person(), null).document())).isEmpty();
    }

    @Test
    void twentyConcurrentRegistrationsGetArrivalNumbersWithoutGapsOrDuplicates() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String mail = "From: a@b.gov.vn\nSubject: Văn bản số " + i + "/UBND-VP\nContent-Type: text/plain; charset=utf-8\n\n"
                + "ỦY BAN NHÂN DÂN XÃ A\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: " + i + "/UBND-VP\nXã A, ngày 01 tháng 11 năm 2026\nV/v việc " + i + "\n";
            ids.add(intake.ingest(unit, mail.getBytes(StandardCharsets.UTF_8)).documentId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (long id : ids) {
                tasks.add(() -> workflow.register(id, "vanthu").document().arrivalNumber());
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> number : pool.invokeAll(tasks)) {
                numbers.add(number.get());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdown();
        }
    }

    static byte[] mailWithAttachment(String from, String subject, byte[] content, String fileName) {
        String mail = "From: " + from + "\r\nTo: vanban.snv@laichau.gov.vn\r\nSubject: =?UTF-8?B?"
            + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKính gửi văn thư.\r\n"
            + "--b1\r\nContent-Type: application/xml; name=\"" + fileName + "\"\r\nContent-Disposition: attachment; filename=\"" + fileName + "\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(content) + "\r\n--b1--\r\n";
        return mail.getBytes(StandardCharsets.UTF_8);
    }
}

package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The eOffice document inbox through the real server: documents sent over SMTP submission to a unit's document
 * address become records visible over REST, stay in the văn thư's IMAP mailbox, are acknowledged to the sender
 * (status 01, in edXML for an edXML sender), duplicates are warned, a secret document is flagged and never indexed,
 * an ordinary mail stays a mail, and the register exports as XLSX.
 */
class EofficeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLERK_BOX = MailServerProcess.demoUser("vanthu");
    private static final String CLERK = MailServerProcess.demoUser("tranthib");
    private static final String SENDER = MailServerProcess.demoUser("nguyenvana");
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MailServerProcess.startEmbedded("eoffice");
        assertThat(AdminApi.call(server, "PUT", "govmail/eoffice/units/vp-ubnd", """
            {"name": "Văn phòng UBND tỉnh", "documentAddress": "%s", "clerkMailbox": "%s", "organId": "000.00.01.H99"}
            """.formatted(CLERK_BOX, CLERK)).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void documentsBecomeRecordsStayInTheMailboxAndAreAcknowledged() throws Exception {
        assertThat(AdminApi.call(server, "GET", "govmail/eoffice/documents", null, "wrong-token").statusCode()).isEqualTo(401);

        // 1. an ordinary mail with the document as DOCX (corpus 001: Công văn 12/SNV-CCHC, Khẩn)
        MimeMessage docx = new MimeMessage(MailClients.submission(server),
            new ByteArrayInputStream(Files.readAllBytes(corpus().resolve("001.eml"))));
        docx.setFrom(new InternetAddress(SENDER));
        docx.setRecipients(Message.RecipientType.TO, CLERK_BOX);
        docx.saveChanges();
        MailClients.submit(server, SENDER, docx);
        // 2. an edXML package as attachment
        MailClients.submit(server, SENDER, edxmlMail());
        // 3. the same DOCX document again: a duplicate
        MimeMessage again = new MimeMessage(docx);
        again.setHeader("Message-ID", "<again-" + System.nanoTime() + "@demo.gov.vn>");
        again.saveChanges();
        MailClients.submit(server, SENDER, again);
        // 4. a secret document; 5. a mail that is no document
        MailClients.submitText(server, SENDER, CLERK_BOX, "Văn bản số 77/BCH-TM", "secret", """
            BỘ CHỈ HUY QUÂN SỰ TỈNH
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 77/BCH-TM
            Lai Châu, ngày 10 tháng 11 năm 2026
            TỐI MẬT
            V/v phương án phòng thủ khu vực biên giới
            Nội dung kế hoạch tác chiến bảo vệ biên giới.
            CHỈ HUY TRƯỞNG
            Lò Văn Minh
            """);
        MailClients.submitText(server, SENDER, CLERK_BOX, "Lịch họp giao ban", "plain", "Tuần sau họp giao ban thứ Hai lúc 8 giờ.");

        // Every mail is still delivered to the văn thư mailbox
        try (Store store = MailClients.openImaps(server, CLERK_BOX)) {
            assertThat(MailClients.awaitMessages(store, "INBOX", 5, Duration.ofSeconds(60))).hasSize(5);
        }
        JsonNode documents = awaitDocuments(4);
        assertThat(documents).hasSize(4);
        JsonNode docxRecord = find(documents, "12/SNV-CCHC", false);
        JsonNode duplicate = find(documents, "12/SNV-CCHC", true);
        JsonNode edxmlRecord = find(documents, "45/UBND-VP", false);
        JsonNode secret = find(documents, "77/BCH-TM", false);
        assertThat(docxRecord.get("Priority").asText()).isEqualTo("Khẩn");
        assertThat(duplicate.get("duplicateOf").asLong()).isEqualTo(docxRecord.get("id").asLong());
        assertThat(secret.get("secret").asBoolean()).isTrue();
        // urgent first
        assertThat(documents.get(0).get("Priority").asText()).isIn("Khẩn", "Thượng khẩn", "Hỏa tốc");

        JsonNode full = get("govmail/eoffice/documents/" + docxRecord.get("id").asLong());
        assertThat(full.at("/metadata/OrganName").asText()).isEqualTo("SỞ NỘI VỤ");
        assertThat(full.at("/metadata/confidence/CodeNumber").asDouble()).isGreaterThan(0.9);
        assertThat(full.at("/sourceMail/from").asText()).isEqualTo(SENDER);
        assertThat(full.at("/attachments/0/name").asText()).isEqualTo("12_SNV-CCHC.docx");
        HttpResponse<byte[]> file = raw("govmail/eoffice/documents/" + docxRecord.get("id").asLong() + "/attachments/"
            + full.at("/attachments/0/id").asLong());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(get("govmail/eoffice/documents/" + duplicate.get("id").asLong()).get("warnings").toString()).contains("trùng");
        JsonNode edxml = get("govmail/eoffice/documents/" + edxmlRecord.get("id").asLong());
        assertThat(edxml.get("documentId").asText()).isEqualTo("000.00.12.H30,2026/11/20,45/UBND-VP");
        assertThat(edxml.at("/metadata/confidence/Subject").asDouble()).isEqualTo(1.0);

        // Full-text search with and without diacritics; the secret document's content is never found
        assertThat(ids(get("govmail/eoffice/documents?unit=vp-ubnd&q=" + enc("thu dien tu cong vu")))).contains(docxRecord.get("id").asLong());
        assertThat(ids(get("govmail/eoffice/documents?unit=vp-ubnd&q=" + enc("kế hoạch tác chiến")))).isEmpty();
        assertThat(AdminApi.call(server, "GET", "govmail/eoffice/documents/" + secret.get("id").asLong() + "/text", null).statusCode()).isEqualTo(403);

        // Status 01 reached the sender: a Vietnamese receipt, and an edXML status package for the edXML sender;
        // the clerk got the secret alert.
        try (Store store = MailClients.openImaps(server, SENDER)) {
            Message[] inbox = awaitSubjects(store, 3, "[01 - Đã đến]");
            Message edxmlAck = java.util.Arrays.stream(inbox).filter(m -> subject(m).contains("45/UBND-VP")).findFirst().orElseThrow();
            String status = edxmlAttachment(edxmlAck);
            assertThat(status).contains("http://www.mic.gov.vn/TBT/QCVN_102_2016").contains("<edXML:StatusCode>01</edXML:StatusCode>")
                .contains("000.00.12.H30,2026/11/20,45/UBND-VP");
            assertThat(java.util.Arrays.stream(inbox).map(EofficeIT::subject)).anyMatch(s -> s.startsWith("Văn bản mật không được gửi"));
        }
        try (Store store = MailClients.openImaps(server, CLERK)) {
            assertThat(java.util.Arrays.stream(awaitSubjects(store, 1, "[CẢNH BÁO VĂN BẢN MẬT]")).map(EofficeIT::subject))
                .anyMatch(s -> s.startsWith("[CẢNH BÁO VĂN BẢN MẬT]"));
        }

        // The clerk registers it: số đến 1 and status 03 to the sender; an impossible step is refused with 409
        HttpResponse<String> registered = AdminApi.call(server, "POST", "govmail/eoffice/documents/" + docxRecord.get("id").asLong() + "/state",
            "{\"state\": \"da-tiep-nhan\", \"actor\": \"" + CLERK + "\"}");
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(registered.body()).get("arrivalNumber").asInt()).isEqualTo(1);
        assertThat(AdminApi.call(server, "POST", "govmail/eoffice/documents/" + docxRecord.get("id").asLong() + "/state",
            "{\"state\": \"da-tiep-nhan\"}").statusCode()).isEqualTo(409);
        assertThat(AdminApi.call(server, "POST", "govmail/eoffice/documents/" + secret.get("id").asLong() + "/state",
            "{\"state\": \"tra-lai\"}").statusCode()).as("a return needs a reason").isEqualTo(409);
        try (Store store = MailClients.openImaps(server, SENDER)) {
            awaitSubjects(store, 1, "[03 - Đã tiếp nhận]");
        }
        assertThat(get("govmail/eoffice/documents/" + docxRecord.get("id").asLong() + "/history").toString()).contains("register");

        assertThat(get("govmail/eoffice/openapi.json").at("/paths/~1documents~1{id}~1state/post/summary").asText()).contains("Workflow");

        // The CLI: offline extraction with edXML-style names, and the list from the server
        ExternalCommand extract = server.cli("eoffice", "extract", corpus().resolve("002.eml").toString());
        assertThat(extract.exitCode()).as(extract.output()).isZero();
        JsonNode extracted = JSON.readTree(extract.output().substring(extract.output().indexOf('{')));
        assertThat(extracted.get("CodeNotation").asText()).isEqualTo("QĐ-STTTT");
        assertThat(extracted.get("PromulgationDate").asText()).isEqualTo("2026-04-26");
        assertThat(extracted.get("Priority").asText()).isEqualTo("Thượng khẩn");
        assertThat(extracted.at("/confidence/SignerFullName").asDouble()).isPositive();
        ExternalCommand list = server.cli("eoffice", "list", "vp-ubnd");
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains("12/SNV-CCHC").contains("[MẬT]").contains("[trùng #");
        assertThat(server.cli("eoffice", "register", "999999").exitCode()).as("unknown document").isEqualTo(1);

        // The register opens as XLSX with the Phụ lục IV columns
        HttpResponse<byte[]> xlsx = raw("govmail/eoffice/register?unit=vp-ubnd&format=xlsx&from=2000-01-01&to=" + LocalDate.now().plusDays(1));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Số đến");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("12/SNV-CCHC");
        }
    }

    /**
     * A second unit, with its own văn thư and sender so the first test's mailboxes and numbers are untouched: a PDF
     * document (made here with PDFBox) is recorded with its số/ký hiệu; the province's QLVB software gets a client
     * token scoped to the unit (CLI), pulls the documents and the PDF, and registers 20 documents from 20 threads at
     * once — số đến 1..20, no gap, no duplicate —; it cannot use admin routes nor another unit, and once revoked
     * its token answers 401.
     */
    @Test
    void pdfDocumentAndAClientSystemRegisteringConcurrently() throws Exception {
        String clerk = "vanthu.stttt@" + MailServerProcess.DEMO_DOMAIN;
        String sender = "chuyenvien.stttt@" + MailServerProcess.DEMO_DOMAIN;
        for (String user : List.of(clerk, sender)) {
            assertThat(AdminApi.call(server, "PUT", "users/" + user, "{\"password\": \"" + MailServerProcess.PASSWORD + "\"}").statusCode())
                .isEqualTo(204);
        }
        assertThat(AdminApi.call(server, "PUT", "govmail/eoffice/units/so-tttt", """
            {"name": "Sở Thông tin và Truyền thông", "documentAddress": "%s", "clerkMailbox": "%s"}
            """.formatted(clerk, clerk)).statusCode()).isEqualTo(200);

        MimeMessage pdfMail = mailWithAttachment(sender, clerk, "Quyết định ban hành Quy chế sử dụng thư điện tử công vụ", "Kính gửi văn thư Sở.",
            decisionPdf(), "application/pdf", "05_QD-UBND.pdf");
        // the PDF and 19 text documents in one submission session (one TLS handshake and AUTH, not 20)
        try (Transport transport = pdfMail.getSession().getTransport("smtp")) {
            transport.connect(sender, MailServerProcess.PASSWORD);
            transport.sendMessage(pdfMail, pdfMail.getAllRecipients());
            for (int n = 101; n <= 119; n++) {
                MimeMessage letter = new MimeMessage(pdfMail.getSession());
                letter.setFrom(new InternetAddress(sender));
                letter.setRecipients(Message.RecipientType.TO, clerk);
                letter.setSubject("Công văn " + n + "/STTTT-BCVT", "UTF-8");
                letter.setText("""
                ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
                SỞ THÔNG TIN VÀ TRUYỀN THÔNG
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: %d/STTTT-BCVT
                Lai Châu, ngày 12 tháng 11 năm 2026
                V/v rà soát hộp thư công vụ đợt %d
                Đề nghị các đơn vị rà soát hộp thư.
                GIÁM ĐỐC
                Vàng Văn Hùng
                """.formatted(n, n), "UTF-8");
                letter.saveChanges();
                transport.sendMessage(letter, letter.getAllRecipients());
            }
        }

        // The client system's token, issued with the CLI, scoped to the unit
        ExternalCommand add = server.cli("eoffice", "client", "add", "qlvb-stttt", "--unit", "so-tttt");
        assertThat(add.exitCode()).as(add.output()).isZero();
        String token = add.output().strip().lines().reduce((first, last) -> last).orElseThrow().strip();
        assertThat(token).startsWith("eoc_");

        Instant deadline = Instant.now().plusSeconds(90);
        JsonNode documents = JSON.readTree(clientCall("GET", "govmail/eoffice/documents?unit=so-tttt", null, token, 200));
        while (documents.size() < 20 && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            documents = JSON.readTree(clientCall("GET", "govmail/eoffice/documents?unit=so-tttt", null, token, 200));
        }
        assertThat(documents).hasSize(20);

        // The PDF document, pulled with its attachment by the client system
        JsonNode decision = JSON.readTree(clientCall("GET", "govmail/eoffice/documents/" + find(documents, "5/2026/QĐ-UBND", false).get("id").asLong(),
            null, token, 200));
        assertThat(decision.at("/metadata/CodeNumber").asText()).isEqualTo("5");
        assertThat(decision.at("/metadata/CodeNotation").asText()).isEqualTo("2026/QĐ-UBND");
        assertThat(decision.at("/metadata/TypeName").asText()).isEqualTo("Quyết định");
        assertThat(decision.at("/metadata/Priority").asText()).isEqualTo("Hỏa tốc");
        assertThat(decision.at("/metadata/SignerFullName").asText()).isEqualTo("Giàng A Tỉnh");
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.adminUrl() + "govmail/eoffice/documents/"
            + decision.get("id").asLong() + "/attachments/" + decision.at("/attachments/0/id").asLong())).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // 20 registrations at the same instant from 20 threads: số đến 1..20
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> numbers = new java.util.ArrayList<>();
        for (long id : ids(documents)) {
            numbers.add(pool.submit(() -> {
                start.await();
                return JSON.readTree(clientCall("POST", "govmail/eoffice/documents/" + id + "/state", "{\"state\": \"da-tiep-nhan\"}", token, 200))
                    .get("arrivalNumber").asInt();
            }));
        }
        start.countDown();
        List<Integer> arrivalNumbers = new java.util.ArrayList<>();
        for (var number : numbers) {
            arrivalNumbers.add(number.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(arrivalNumbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(get("govmail/eoffice/documents/" + decision.get("id").asLong() + "/history").toString()).contains("client:qlvb-stttt");

        // Only the document exchange of its own unit: admin routes and the other unit are refused
        clientCall("GET", "govmail/eoffice/documents?unit=vp-ubnd", null, token, 403);
        clientCall("GET", "govmail/eoffice/units", null, token, 403);
        clientCall("POST", "govmail/eoffice/clients", "{\"name\": \"mine\"}", token, 403);
        clientCall("PUT", "govmail/eoffice/documents/" + decision.get("id").asLong() + "/metadata", "{\"Subject\": \"x\"}", token, 403);
        clientCall("GET", "domains", null, token, 403);
        assertThat(JSON.readTree(clientCall("GET", "govmail/eoffice/clients", null, server.adminToken(), 200)).toString())
            .contains("qlvb-stttt").doesNotContain(token);

        ExternalCommand revoke = server.cli("eoffice", "client", "revoke", "qlvb-stttt"); // DELETE /clients/qlvb-stttt
        assertThat(revoke.exitCode()).as(revoke.output()).isZero();
        clientCall("GET", "govmail/eoffice/documents?unit=so-tttt", null, token, 401);
    }

    /**
     * The webmail's document views through the user API (/govmail/me/eoffice) of the real server, on a third unit:
     * the văn thư sees and works all of the unit's documents, the leader only what was presented to them, the
     * assignees what was given to them, a stranger nothing (403 / empty list); the whole workflow runs with mail
     * users' session tokens and each step is in the history under the user's address.
     */
    @Test
    void mailUsersWorkTheDocumentsOfTheirRoleThroughTheUserApi() throws Exception {
        String domain = "@" + MailServerProcess.DEMO_DOMAIN;
        String clerk = "vanthu.snv" + domain;
        String leader = "giamdoc.snv" + domain;
        String lead = "truongphong.snv" + domain;
        String support = "phophong.snv" + domain;
        String stranger = "nguoila.snv" + domain;
        String sender = "chuyenvien.snv" + domain;
        for (String user : List.of(clerk, leader, lead, support, stranger, sender)) {
            assertThat(AdminApi.call(server, "PUT", "users/" + user, "{\"password\": \"" + MailServerProcess.PASSWORD + "\"}").statusCode())
                .isEqualTo(204);
        }
        assertThat(AdminApi.call(server, "PUT", "govmail/eoffice/units/so-noi-vu", """
            {"name": "Sở Nội vụ", "documentAddress": "%s", "clerkMailbox": "%s"}
            """.formatted(clerk, clerk)).statusCode()).isEqualTo(200);
        MailClients.submitText(server, sender, clerk, "Công văn 31/SNV-TCBC", "user-api", """
            UBND TỈNH LAI CHÂU
            SỞ NỘI VỤ
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 31/SNV-TCBC
            Lai Châu, ngày 14 tháng 11 năm 2026
            V/v rà soát biên chế công chức năm 2027
            Đề nghị các đơn vị rà soát biên chế.
            GIÁM ĐỐC
            Lò Thị Mai
            """);
        String clerkToken = userSession(clerk);
        String leaderToken = userSession(leader);
        String leadToken = userSession(lead);
        String supportToken = userSession(support);
        String strangerToken = userSession(stranger);

        // who sees what
        JsonNode roles = JSON.readTree(me("GET", "eoffice/roles", null, clerkToken, 200));
        assertThat(roles.at("/clerkOf/0/unit").asText()).isEqualTo("so-noi-vu");
        assertThat(roles.get("any").asBoolean()).isTrue();
        assertThat(JSON.readTree(me("GET", "eoffice/roles", null, strangerToken, 200)).get("any").asBoolean()).isFalse();
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode mine = JSON.readTree(me("GET", "eoffice/documents", null, clerkToken, 200));
        while (mine.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            mine = JSON.readTree(me("GET", "eoffice/documents", null, clerkToken, 200));
        }
        assertThat(mine).as("the clerk sees only the unit's documents").hasSize(1);
        long id = mine.get(0).get("id").asLong();
        String document = "eoffice/documents/" + id;
        assertThat(ids(JSON.readTree(me("GET", "eoffice/documents?state=cho-tiep-nhan&q=" + enc("bien che cong chuc"), null, clerkToken, 200))))
            .containsExactly(id);
        assertThat(JSON.readTree(me("GET", "eoffice/documents?state=hoan-thanh", null, clerkToken, 200))).isEmpty();
        assertThat(JSON.readTree(me("GET", "eoffice/documents", null, strangerToken, 200))).isEmpty();
        me("GET", "eoffice/documents?unit=so-noi-vu", null, strangerToken, 403);
        me("GET", document, null, strangerToken, 403);
        me("GET", document, null, leaderToken, 403);
        me("GET", "eoffice/register?unit=so-noi-vu", null, strangerToken, 403);
        assertThat(AdminApi.call(server, "GET", "govmail/me/eoffice/documents", null, server.adminToken()).statusCode())
            .as("the admin token acts for no mailbox").isEqualTo(403);
        JsonNode opened = JSON.readTree(me("GET", document, null, clerkToken, 200));
        assertThat(opened.get("myRoles").toString()).contains("CLERK");
        assertThat(opened.get("myActions").toString()).contains("REGISTER", "RETURN", "CORRECT").doesNotContain("PRESENT");
        assertThat(opened.at("/sourceMail/from").asText()).isEqualTo(sender);
        assertThat(opened.at("/metadata/confidence/CodeNumber").asDouble()).isGreaterThan(0.9);

        // the clerk corrects, registers and presents; the history names the users
        assertThat(JSON.readTree(me("PUT", document + "/metadata", "{\"SignerPosition\": \"Giám đốc\"}", clerkToken, 200))
            .at("/metadata/confidence/SignerPosition").asDouble()).isEqualTo(1.0);
        me("POST", document + "/state", "{\"state\": \"da-tiep-nhan\"}", leaderToken, 403);
        assertThat(JSON.readTree(me("POST", document + "/state", "{\"state\": \"da-tiep-nhan\"}", clerkToken, 200)).get("arrivalNumber").asInt())
            .isEqualTo(1);
        me("POST", document + "/state", "{\"state\": \"da-tiep-nhan\"}", clerkToken, 409);
        JsonNode presented = JSON.readTree(me("POST", document + "/state", "{\"state\": \"da-trinh\", \"leader\": \"" + leader + "\"}", clerkToken, 200));
        assertThat(presented.get("notified").toString()).contains(leader);

        // the leader now sees it and directs; others may not
        assertThat(JSON.readTree(me("GET", "eoffice/roles", null, leaderToken, 200)).get("presented").asInt()).isEqualTo(1);
        assertThat(ids(JSON.readTree(me("GET", "eoffice/documents", null, leaderToken, 200)))).containsExactly(id);
        assertThat(JSON.readTree(me("GET", document, null, leaderToken, 200)).get("myActions").toString()).isEqualTo("[\"DIRECT\"]");
        me("POST", document + "/state", "{\"state\": \"tra-lai\", \"reason\": \"x\"}", leaderToken, 403);
        me("GET", document, null, leadToken, 403);
        String direction = "{\"state\": \"dang-xu-ly\", \"direction\": \"Giao phòng TCBC chủ trì\", \"lead\": \"" + lead + "\", \"support\": \""
            + support + "\", \"deadline\": \"" + LocalDate.now().plusDays(10) + "\"}";
        me("POST", document + "/state", direction, strangerToken, 403);
        assertThat(JSON.readTree(me("POST", document + "/state", direction, leaderToken, 200)).get("state").asText()).isEqualTo("dang-xu-ly");

        // the assignees: phối hợp records progress, chủ trì completes; the leader can do neither
        me("POST", document + "/progress", "{\"note\": \"x\"}", leaderToken, 403);
        me("POST", document + "/progress", "{\"note\": \"Đã tổng hợp số liệu\"}", supportToken, 200);
        me("POST", document + "/state", "{\"state\": \"hoan-thanh\"}", supportToken, 403);
        assertThat(JSON.readTree(me("POST", document + "/state", "{\"state\": \"hoan-thanh\", \"note\": \"Đã báo cáo\"}", leadToken, 200))
            .get("state").asText()).isEqualTo("hoan-thanh");
        assertThat(ids(JSON.readTree(me("GET", "eoffice/documents", null, supportToken, 200)))).containsExactly(id);
        JsonNode history = JSON.readTree(me("GET", document + "/history", null, leadToken, 200));
        assertThat(history.findValuesAsText("actor")).contains(clerk, leader, support, lead);
        assertThat(history.findValuesAsText("action")).containsSubsequence("register", "present", "direct", "progress", "complete");

        String csv = me("GET", "eoffice/register?format=csv&from=2000-01-01&to=" + LocalDate.now().plusDays(1), null, clerkToken, 200);
        assertThat(csv).contains("31/SNV-TCBC");
    }

    private static String userSession(String user) throws Exception {
        HttpResponse<String> opened = AdminApi.call(server, "POST", "govmail/me/session",
            "{\"user\": \"" + user + "\", \"password\": \"" + MailServerProcess.PASSWORD + "\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).get("token").asText();
    }

    private static String me(String method, String path, String body, String token, int expected) throws Exception {
        return clientCall(method, "govmail/me/" + path, body, token, expected);
    }

    private static String clientCall(String method, String path, String body, String token, int expected) throws Exception {
        HttpResponse<String> response = AdminApi.call(server, method, path, body, token);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    /** The Quyết định of PdfAndVariantsExtractionTest as a real PDF (text in DejaVu Sans, package fonts-dejavu-core). */
    private static byte[] decisionPdf() throws Exception {
        List<String> lines = List.of("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 05/2026/QĐ-UBND", "Lai Châu, ngày 5 tháng 3 năm 2026", "HỎA TỐC", "QUYẾT ĐỊNH", "Ban hành Quy chế sử dụng thư điện tử công vụ",
            "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế.", "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, VX.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
            "Giàng A Tỉnh");
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(document, new java.io.File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 11);
                content.setLeading(15);
                content.newLineAtOffset(50, 740);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static MimeMessage edxmlMail() throws Exception {
        String edxml = """
            <?xml version="1.0" encoding="utf-8"?>
            <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
              <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                <edXML:edXMLHeader>
                  <edXML:MessageHeader>
                    <edXML:From><edXML:OrganId>000.00.12.H30</edXML:OrganId><edXML:OrganName>UBND huyện Tam Đường</edXML:OrganName></edXML:From>
                    <edXML:To><edXML:OrganId>000.00.01.H99</edXML:OrganId><edXML:OrganName>Văn phòng UBND tỉnh</edXML:OrganName></edXML:To>
                    <edXML:Code><edXML:CodeNumber>45</edXML:CodeNumber><edXML:CodeNotation>UBND-VP</edXML:CodeNotation></edXML:Code>
                    <edXML:PromulgationInfo><edXML:Place>Tam Đường</edXML:Place><edXML:PromulgationDate>2026/11/20</edXML:PromulgationDate></edXML:PromulgationInfo>
                    <edXML:DocumentType><edXML:Type>18</edXML:Type><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
                    <edXML:Subject>V/v báo cáo kết quả chuyển đổi số năm 2026</edXML:Subject>
                    <edXML:SignerInfo><edXML:Competence>TM. ỦY BAN NHÂN DÂN</edXML:Competence><edXML:Position>Chủ tịch</edXML:Position><edXML:FullName>Sùng A Páo</edXML:FullName></edXML:SignerInfo>
                    <edXML:OtherInfo><edXML:Priority>0</edXML:Priority></edXML:OtherInfo>
                    <edXML:DocumentId>000.00.12.H30,2026/11/20,45/UBND-VP</edXML:DocumentId>
                  </edXML:MessageHeader>
                  <edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>000.00.12.H30</edXML:OrganId><edXML:Timestamp>2026/11/20 09:00:00</edXML:Timestamp></edXML:TraceHeader></edXML:TraceHeaderList>
                </edXML:edXMLHeader>
                <edXML:edXMLBody/>
              </edXML:edXMLEnvelope>
            </edXML>
            """;
        return mailWithAttachment(SENDER, CLERK_BOX, "Gói tin văn bản điện tử 45/UBND-VP", "Kính gửi văn thư.",
            edxml.getBytes(StandardCharsets.UTF_8), "application/xml", "45_UBND-VP.edxml");
    }

    private static MimeMessage mailWithAttachment(String from, String to, String subject, String greeting, byte[] content, String type,
            String fileName) throws Exception {
        MimeMessage message = new MimeMessage(MailClients.submission(server));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(greeting, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(content, type);
        attachment.setFileName(fileName);
        multipart.addBodyPart(text);
        multipart.addBodyPart(attachment);
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }

    private static JsonNode awaitDocuments(int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode documents = get("govmail/eoffice/documents?unit=vp-ubnd");
        while (documents.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            documents = get("govmail/eoffice/documents?unit=vp-ubnd");
        }
        return documents;
    }

    private static Message[] awaitSubjects(Store store, int count, String prefix) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Message[] messages = MailClients.awaitMessages(store, "INBOX", 1, Duration.ofSeconds(60));
            long matching = java.util.Arrays.stream(messages).filter(m -> subject(m).startsWith(prefix)).count();
            if (matching >= count || Instant.now().isAfter(deadline)) {
                assertThat(matching).as("mails starting with " + prefix).isGreaterThanOrEqualTo(count);
                return messages;
            }
            Thread.sleep(300);
        }
    }

    private static String subject(Message message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static String edxmlAttachment(Message message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if ("status.edxml".equals(part.getFileName())) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no status.edxml in " + message.getSubject());
    }

    private static JsonNode find(JsonNode documents, String numberNotation, boolean duplicate) {
        for (JsonNode document : documents) {
            if (numberNotation.equals(document.get("numberNotation").asText()) && duplicate == !document.get("duplicateOf").isNull()) {
                return document;
            }
        }
        throw new AssertionError("no document " + numberNotation + (duplicate ? " (duplicate)" : "") + " in " + documents);
    }

    private static List<Long> ids(JsonNode documents) {
        List<Long> ids = new java.util.ArrayList<>();
        documents.forEach(document -> ids.add(document.get("id").asLong()));
        return ids;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = AdminApi.call(server, "GET", path, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<byte[]> raw(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.adminUrl() + path))
            .header("Authorization", "Bearer " + server.adminToken()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static Path corpus() {
        Path configured = Path.of(System.getProperty("govmail.shared", "../../shared"), "corpus", "vi", "documents");
        if (Files.isDirectory(configured)) {
            return configured;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/corpus/vi/documents"))) {
                return dir.resolve("shared/corpus/vi/documents");
            }
        }
        throw new IllegalStateException("shared corpus not found");
    }

}

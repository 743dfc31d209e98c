package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SizeTerm;
import jakarta.mail.search.SubjectTerm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * IMAP SEARCH on the Lucene index through real clients (Jakarta Mail, Python imaplib) against the packaged server:
 * the RFC 3501 criteria, Vietnamese with and without diacritics, NFD and windows-1258 mail, text inside a DOCX
 * attachment, per-user isolation, the webmail search route and the user API search, a re-index from the CLI, and kill -9 during a
 * delivery burst with every acknowledged message findable after restart without any admin action.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchIT {
    private static final String ALICE = MailServerProcess.demoUser("nguyenvana");
    private static final String BOB = MailServerProcess.demoUser("tranthib");
    private static final String NFC = "nfc", NFD = "nfd", CP1258 = "cp1258", DOCX = "docx", ENGLISH = "english";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MailServerProcess server;
    /** UID of each test message in Alice's INBOX, by name. */
    private static final Map<String, Long> UIDS = new HashMap<>();

    @BeforeAll
    static void startServerAndDeliver() throws Exception {
        server = MailServerProcess.startEmbedded("search");
        deliver(ALICE, message(NFC, "=?utf-8?B?" + base64("Văn bản đến số 12 của UBND tỉnh Lai Châu") + "?=",
            "=?utf-8?B?" + base64("Trần Thị B") + "?= <" + BOB + ">", "X-Govmail-Case: alpha\r\n",
            "text/plain; charset=utf-8", "Đề nghị xem xét báo cáo tài chính quý III.".getBytes(StandardCharsets.UTF_8)));
        deliver(ALICE, message(NFD, "=?utf-8?B?" + base64(nfd("Thông báo lịch họp")) + "?=", "vanthu@demo.gov.vn", "",
            "text/plain; charset=utf-8", nfd("Cuộc họp giao ban tại Điện Biên.").getBytes(StandardCharsets.UTF_8)));
        deliver(ALICE, message(CP1258, "cp1258", "someone@example.org", "", "text/plain; charset=windows-1258",
            Windows1258.toneMarksSeparated("Kế hoạch chuyển đổi số năm 2027").getBytes(Charset.forName("windows-1258"))));
        deliver(ALICE, Files.readString(sharedCorpus().resolve("vi/documents/001.eml"),
            StandardCharsets.UTF_8).replaceAll("\r?\n", "\r\n").replaceFirst("Subject: ", "X-Name: " + DOCX + "\r\nSubject: ")
            .getBytes(StandardCharsets.UTF_8));
        deliver(ALICE, message(ENGLISH, "Quarterly report", "John Smith <john@example.org>", "Cc: vanthu@demo.gov.vn\r\n",
            "text/html; charset=utf-8", ("<html><body><p>The <b>budget</b> figures</p>" + "<p>padding</p>\r\n".repeat(2500)
                + "</body></html>").getBytes(StandardCharsets.UTF_8)));
        deliver(BOB, message("bob", "Lai Châu", ALICE, "", "text/plain; charset=utf-8",
            "báo cáo tài chính của Bob".getBytes(StandardCharsets.UTF_8)));

        try (Store store = MailClients.openImaps(server, ALICE)) {
            Message[] messages = MailClients.awaitMessages(store, "INBOX", 5, Duration.ofSeconds(60));
            assertThat(messages).hasSize(5);
            UIDFolder folder = (UIDFolder) messages[0].getFolder();
            for (Message message : messages) {
                UIDS.put(message.getHeader("X-Name")[0], folder.getUID(message));
            }
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    @Order(1)
    void jakartaMailCriteria() throws Exception {
        try (Store store = MailClients.openImaps(server, ALICE)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertThat(search(inbox, new SubjectTerm("lai chau"))).containsExactly(NFC);
            assertThat(search(inbox, new SubjectTerm("Lai Châu"))).containsExactly(NFC);
            assertThat(search(inbox, new BodyTerm("bao cao tai chinh"))).containsExactly(NFC);
            assertThat(search(inbox, new BodyTerm("báo cáo"))).as("also in the DOCX").containsExactlyInAnyOrder(NFC, DOCX);
            assertThat(search(inbox, new BodyTerm("xem xé"))).as("a substring inside a word").containsExactly(NFC);
            assertThat(search(inbox, new BodyTerm("cuộc họp giao ban"))).as("NFC query, NFD mail").containsExactly(NFD);
            assertThat(search(inbox, new SubjectTerm("lịch họp"))).as("NFD subject").containsExactly(NFD);
            assertThat(search(inbox, new BodyTerm("Kế hoạch chuyển đổi số"))).as("windows-1258 body").containsExactly(CP1258);
            assertThat(search(inbox, new BodyTerm("ke hoach chuyen doi"))).containsExactly(CP1258);
            assertThat(search(inbox, new BodyTerm("Thủ tướng Chính phủ"))).as("text inside the DOCX attachment").containsExactly(DOCX);
            assertThat(search(inbox, new BodyTerm("12_SNV-CCHC.docx"))).as("attachment name").containsExactly(DOCX);
            assertThat(search(inbox, new BodyTerm("budget figures"))).as("HTML converted to text").containsExactly(ENGLISH);
            assertThat(search(inbox, new FromStringTerm("tran thi"))).containsExactly(NFC);
            assertThat(search(inbox, new FromStringTerm("john@example"))).containsExactly(ENGLISH);
            assertThat(search(inbox, new RecipientStringTerm(Message.RecipientType.CC, "vanthu"))).containsExactly(ENGLISH);
            assertThat(search(inbox, new OrTerm(new SubjectTerm("quarterly"), new BodyTerm("giao ban")))).containsExactlyInAnyOrder(ENGLISH, NFD);
            assertThat(search(inbox, new NotTerm(new BodyTerm("budget")))).containsExactlyInAnyOrder(NFC, NFD, CP1258, DOCX);
            assertThat(search(inbox, new SizeTerm(ComparisonTerm.GT, 20000))).containsExactlyInAnyOrderElementsOf(larger(inbox, 20000));
            assertThat(search(inbox, new ReceivedDateTerm(ComparisonTerm.GE, new Date(System.currentTimeMillis() - 86_400_000L)))).hasSize(5);
            assertThat(search(inbox, new ReceivedDateTerm(ComparisonTerm.LT, new Date(0)))).isEmpty();
            assertThat(search(inbox, new BodyTerm("zzqqxxyy"))).isEmpty();

            ((UIDFolder) inbox).getMessageByUID(UIDS.get(NFD)).setFlag(Flags.Flag.FLAGGED, true);
            assertThat(search(inbox, new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))).containsExactly(NFD);
            assertThat(search(inbox, new AndTerm(new FlagTerm(new Flags(Flags.Flag.FLAGGED), false), new BodyTerm("ngh"))))
                .as("flag from the mailbox, text from the index").containsExactlyInAnyOrder(NFC, DOCX);
        }
    }

    @Test
    @Order(2)
    void pythonImaplibCriteria() throws Exception {
        Path script = Path.of(getClass().getResource("/clients/search_imaplib.py").toURI());
        ExternalCommand run = ExternalCommand.run(List.of("python3", script.toString(), Integer.toString(server.imapsPort), ALICE, MailServerProcess.PASSWORD));
        assertThat(run.output()).as(run.output()).contains("OK done");
        Map<String, Set<String>> results = parse(run.output());
        assertThat(results.get("body-folded")).containsExactly(DOCX);
        assertThat(results.get("body-utf8")).containsExactly(CP1258);
        assertThat(results.get("subject-utf8")).containsExactly(NFC);
        assertThat(results.get("text-ascii")).containsExactly(NFC);
        assertThat(results.get("or-not")).containsExactlyInAnyOrder(NFC, CP1258, DOCX, ENGLISH);
        assertThat(UIDS.get(NFC)).isLessThanOrEqualTo(3);
        assertThat(UIDS.get(DOCX)).isGreaterThan(3);
        assertThat(results.get("uid-range-body")).as("the DOCX also says 'báo cáo' but is outside 1:3").containsExactly(NFC);
        assertThat(results.get("larger")).contains(ENGLISH).doesNotContainAnyElementsOf(results.get("smaller"));
        Set<String> everySize = new LinkedHashSet<>(results.get("larger"));
        everySize.addAll(results.get("smaller"));
        assertThat(everySize).containsExactlyInAnyOrderElementsOf(UIDS.keySet());
        assertThat(results.get("flagged")).containsExactly(NFD);
        assertThat(results.get("unflagged-body")).containsExactlyInAnyOrder(NFC, DOCX);
        assertThat(results.get("since-not-seen")).containsExactly(ENGLISH);
        assertThat(results.get("before")).isEmpty();
        assertThat(results.get("header")).containsExactly(NFC);
        assertThat(results.get("cc")).containsExactly(ENGLISH);
        assertThat(results.get("docx")).containsExactly(DOCX);
        assertThat(results.get("nothing")).isEmpty();
    }

    @Test
    @Order(3)
    void aUserNeverFindsAnotherUsersMail() throws Exception {
        try (Store store = MailClients.openImaps(server, BOB)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.search(new BodyTerm("bao cao tai chinh"))).hasSize(1);
            assertThat(inbox.search(new BodyTerm("Thủ tướng"))).isEmpty();
        }
        assertThat(webmailSearch(BOB, "van ban den")).contains("\"hits\":[]");
        String alice = webmailSearch(ALICE, "van ban den");
        assertThat(alice).contains("Văn bản đến số 12");
        assertThat(webmailSearch(ALICE, "thu tuong chinh phu")).contains("<b>");
    }

    @Test
    @Order(4)
    void cliReindexesAUserAndADomainWithProgress() throws Exception {
        ExternalCommand user = server.cli("reindex", "user", ALICE);
        assertThat(user.exitCode()).as(user.output()).isZero();
        assertThat(user.output()).contains(ALICE + ": 5 message(s) indexed, 0 failed (completed)");
        ExternalCommand domain = server.cli("reindex", "domain", MailServerProcess.DEMO_DOMAIN);
        assertThat(domain.exitCode()).as(domain.output()).isZero();
        assertThat(domain.output()).contains("re-index task(s) started").contains("(completed)");
        ExternalCommand wrong = server.cli("reindex", "user", "nobody@" + MailServerProcess.DEMO_DOMAIN);
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.output()).contains("No account");
        assertThat(webmailSearch(ALICE, "ke hoach chuyen doi so")).contains("cp1258");
    }

    @Test
    @Order(5)
    void theUserApiSearchesAllOwnFoldersRankedWithSnippets() throws Exception {
        String alice = userSession(ALICE);
        String bob = userSession(BOB);

        JsonNode vanBan = meSearch(alice, "q=van%20ban%20den").path("hits");
        assertThat(vanBan).as("without diacritics").hasSize(1);
        JsonNode nfc = vanBan.get(0);
        assertThat(nfc.path("subject").asText()).isEqualTo("Văn bản đến số 12 của UBND tỉnh Lai Châu");
        assertThat(nfc.path("folder").asText()).isEqualTo("INBOX");
        assertThat(nfc.path("uid").asLong()).isEqualTo(UIDS.get(NFC));
        assertThat(nfc.path("uidValidity").asLong()).isPositive();
        assertThat(nfc.path("size").asLong()).isPositive();
        assertThat(nfc.path("from").asText()).contains("Trần Thị B");
        assertThat(nfc.path("hasAttachment").asBoolean()).isFalse();
        assertThat(nfc.path("snippet").asText()).contains("Đề nghị xem xét báo cáo tài chính quý III.");

        JsonNode docx = meSearch(alice, "q=thu%20tuong%20chinh%20phu").path("hits");
        assertThat(docx).as("text inside the DOCX attachment").hasSize(1);
        assertThat(docx.get(0).path("uid").asLong()).isEqualTo(UIDS.get(DOCX));
        assertThat(docx.get(0).path("hasAttachment").asBoolean()).isTrue();
        String snippet = docx.get(0).path("snippet").asText();
        assertThat(docx.get(0).path("highlights")).isNotEmpty();
        StringBuilder highlighted = new StringBuilder();
        for (JsonNode range : docx.get(0).path("highlights")) {
            highlighted.append(snippet, range.get(0).asInt(), range.get(1).asInt()).append(' ');
        }
        assertThat(fold(highlighted.toString())).as(snippet).contains("thu tuong").contains("chinh phu");
        assertThat(docx.get(0).path("snippetHtml").asText()).contains("<b>");

        assertThat(meSearch(bob, "q=thu%20tuong").path("hits")).as("Alice's mail is not Bob's").isEmpty();
        JsonNode bobs = meSearch(bob, "q=bao%20cao%20tai%20chinh").path("hits");
        assertThat(bobs).hasSize(1);
        assertThat(bobs.get(0).path("snippet").asText()).contains("của Bob");
        assertThat(meSearch(alice, "q=bao%20cao%20tai%20chinh").toString()).doesNotContain("của Bob");

        assertThat(uids(meSearch(alice, "q=bao%20cao&hasAttachment=true"))).containsExactly(UIDS.get(DOCX));
        assertThat(uids(meSearch(alice, "subject=lai%20chau"))).containsExactly(UIDS.get(NFC));
        assertThat(uids(meSearch(alice, "from=john"))).containsExactly(UIDS.get(ENGLISH));
        assertThat(uids(meSearch(alice, "body=budget%20figures&to=vanthu"))).containsExactly(UIDS.get(ENGLISH));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(uids(meSearch(alice, "q=bao%20cao&after=" + today.plusDays(1)))).isEmpty();
        assertThat(uids(meSearch(alice, "q=bao%20cao&before=" + today.minusDays(1)))).isEmpty();
        assertThat(uids(meSearch(alice, "q=bao%20cao&after=" + today.minusDays(1) + "&before=" + today)))
            .containsExactlyInAnyOrder(UIDS.get(NFC), UIDS.get(DOCX));
        JsonNode first = meSearch(alice, "q=bao%20cao&limit=1");
        JsonNode second = meSearch(alice, "q=bao%20cao&limit=1&offset=1");
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(List.of(uids(first).get(0), uids(second).get(0))).containsExactlyInAnyOrder(UIDS.get(NFC), UIDS.get(DOCX));

        // Trash is left out unless asked for; a folder can be chosen; an expunged message is gone at once.
        try (Store store = MailClients.openImaps(server, ALICE)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.copyMessages(new Message[] {((UIDFolder) inbox).getMessageByUID(UIDS.get(NFC))}, store.getFolder("Trash"));
            inbox.close(false);
            assertThat(meSearch(alice, "q=van%20ban%20den").path("hits")).hasSize(1);
            JsonNode everywhere = meSearch(alice, "q=van%20ban%20den&trashAndJunk=true").path("hits");
            assertThat(everywhere).hasSize(2);
            JsonNode inTrash = meSearch(alice, "q=van%20ban%20den&folder=Trash").path("hits");
            assertThat(inTrash).hasSize(1);
            assertThat(inTrash.get(0).path("folder").asText()).isEqualTo("Trash");
            assertThat(meSearch(alice, "q=van%20ban%20den&folder=INBOX").path("hits").get(0).path("folder").asText()).isEqualTo("INBOX");

            Folder trash = store.getFolder("Trash");
            trash.open(Folder.READ_WRITE);
            Message copy = ((UIDFolder) trash).getMessageByUID(inTrash.get(0).path("uid").asLong());
            copy.setFlag(Flags.Flag.DELETED, true);
            assertThat(meSearch(alice, "q=van%20ban%20den&folder=Trash").path("hits").get(0).path("flags").toString()).contains("\\\\Deleted");
            trash.close(true);
            assertThat(meSearch(alice, "q=van%20ban%20den&folder=Trash").path("hits")).as("expunged").isEmpty();
        }

        assertThat(meStatus(alice, "")).as("nothing to search").isEqualTo(400);
        assertThat(meStatus(alice, "q=a&limit=0")).isEqualTo(400);
        assertThat(meStatus(alice, "q=a&offset=-1")).isEqualTo(400);
        assertThat(meStatus(alice, "q=a&hasAttachment=maybe")).isEqualTo(400);
        assertThat(meStatus(alice, "q=a&after=yesterday")).isEqualTo(400);
        assertThat(meStatus(alice, "q=a&after=2026-11-02&before=2026-11-01")).isEqualTo(400);
        assertThat(meStatus(alice, "q=a&user=" + BOB)).as("no way to name another user").isEqualTo(400);
        assertThat(meStatus(alice, "q=a&folder=Nope")).isEqualTo(404);
        assertThat(AdminApi.call(server, "GET", "govmail/me/search?q=a", null).statusCode()).as("the admin acts for no mailbox").isEqualTo(403);
        assertThat(AdminApi.call(server, "GET", "govmail/me/search?q=a", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void everyAcknowledgedMessageIsFindableAfterKillMinus9DuringABurst() throws Exception {
        Set<String> acknowledged = sendUntilKilled(8, Duration.ofSeconds(60));
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(8);
        server.start();

        // Without any search or admin action the index catches up (catch-up at start, event queue): the webmail
        // route, which reads the index only, finds every acknowledged message.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Set<String> missing = new LinkedHashSet<>(acknowledged);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            missing.removeIf(token -> webmailSearchUnchecked(ALICE, token).contains(token));
            if (!missing.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        assertThat(missing).as("acknowledged but not in the index after restart").isEmpty();

        try (Store store = MailClients.openImaps(server, ALICE)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (String token : acknowledged) {
                // at least one: the queue is at-least-once, so a message in flight at the kill may be delivered twice
                assertThat(inbox.search(new BodyTerm(token))).as(token).isNotEmpty();
            }
            assertThat(search(inbox, new BodyTerm("Thủ tướng Chính phủ"))).as("older messages still indexed").containsExactly(DOCX);
        }
    }

    /** Sends on 3 connections; kills the server once {@code atLeast} messages are acknowledged (a load-proof trigger). */
    private static Set<String> sendUntilKilled(int atLeast, Duration timeout) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(3);
        for (int connection = 0; connection < 3; connection++) {
            senders.submit(() -> {
                try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
                    smtp.send("EHLO burst.example.org");
                    while (!killed.get()) {
                        String token = "burst" + sequence.incrementAndGet() + "x";
                        if (!smtp.send("MAIL FROM:<load@example.org>").startsWith("250")
                            || !smtp.send("RCPT TO:<" + ALICE + ">").startsWith("250")
                            || !smtp.send("DATA").startsWith("354")) {
                            break;
                        }
                        smtp.write(("Subject: burst\r\nTo: " + ALICE + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                            + "Mã hồ sơ " + token + " — văn bản đến\r\n").getBytes(StandardCharsets.UTF_8));
                        if (smtp.send(".").startsWith("250")) {
                            acknowledged.add(token);
                        }
                    }
                } catch (Exception connectionLost) {
                    // expected once the server is killed
                }
                return null;
            });
        }
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged.size() < atLeast && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        Thread.sleep(200); // more messages in flight: some acknowledged, some not, some not yet indexed
        server.kill9();
        killed.set(true);
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return acknowledged;
    }

    /** ../shared/corpus: from the build's property, else the nearest parent directory that has it (worktrees). */
    private static Path sharedCorpus() {
        Path configured = Path.of(System.getProperty("govmail.shared", "../../shared"), "corpus");
        for (Path dir = Path.of("").toAbsolutePath(); !Files.isDirectory(configured) && dir != null; dir = dir.getParent()) {
            configured = dir.resolve("shared").resolve("corpus");
        }
        return configured;
    }

    private static List<String> search(Folder inbox, SearchTerm term) throws Exception {
        Map<Long, String> names = new HashMap<>();
        UIDS.forEach((name, uid) -> names.put(uid, name));
        return java.util.Arrays.stream(inbox.search(term))
            .map(message -> {
                try {
                    return names.getOrDefault(((UIDFolder) inbox).getUID(message), "uid " + ((UIDFolder) inbox).getUID(message));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })
            .toList();
    }

    private static Set<String> larger(Folder inbox, int size) throws Exception {
        Set<String> names = new java.util.HashSet<>();
        for (Map.Entry<String, Long> entry : UIDS.entrySet()) {
            if (((UIDFolder) inbox).getMessageByUID(entry.getValue()).getSize() > size) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    private static Map<String, Set<String>> parse(String output) {
        Map<Long, String> names = new HashMap<>();
        UIDS.forEach((name, uid) -> names.put(uid, name));
        Map<String, Set<String>> results = new HashMap<>();
        for (String line : output.lines().toList()) {
            var match = Pattern.compile("^([a-z0-9-]+): ?([0-9 ]*)$").matcher(line);
            if (match.matches()) {
                Set<String> found = new LinkedHashSet<>();
                for (String uid : match.group(2).trim().split("\\s+")) {
                    if (!uid.isEmpty()) {
                        found.add(names.getOrDefault(Long.parseLong(uid), "uid " + uid));
                    }
                }
                results.put(match.group(1), found);
            }
        }
        return results;
    }

    private static String webmailSearch(String user, String text) throws Exception {
        var response = AdminApi.call(server, "GET", "govmail/search?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String userSession(String user) throws Exception {
        var opened = AdminApi.call(server, "POST", "govmail/me/session",
            "{\"user\":\"" + user + "\",\"password\":\"" + MailServerProcess.PASSWORD + "\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).path("token").asText();
    }

    private static JsonNode meSearch(String token, String query) throws Exception {
        var response = AdminApi.call(server, "GET", "govmail/me/search?" + query, null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int meStatus(String token, String query) throws Exception {
        var response = AdminApi.call(server, "GET", "govmail/me/search?" + query, null, token);
        assertThat(response.body()).doesNotContain("Exception");
        return response.statusCode();
    }

    private static List<Long> uids(JsonNode answer) {
        List<Long> uids = new java.util.ArrayList<>();
        answer.path("hits").forEach(hit -> uids.add(hit.path("uid").asLong()));
        return uids;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String webmailSearchUnchecked(String user, String text) {
        try {
            return webmailSearch(user, text);
        } catch (Exception | AssertionError e) {
            return "";
        }
    }

    private static void deliver(String recipient, byte[] message) throws IOException {
        try (SmtpDialog smtp = new SmtpDialog(server.smtpPort)) {
            smtp.send("EHLO sender.example.org");
            assertThat(smtp.send("MAIL FROM:<sender@example.org>")).startsWith("250");
            assertThat(smtp.send("RCPT TO:<" + recipient + ">")).startsWith("250");
            assertThat(smtp.send("DATA")).startsWith("354");
            smtp.write(message);
            assertThat(smtp.send(".")).startsWith("250");
        }
    }

    private static byte[] message(String name, String subject, String from, String extraHeaders, String contentType, byte[] body) {
        String head = "From: " + from + "\r\nTo: " + ALICE + "\r\nSubject: " + subject + "\r\nX-Name: " + name + "\r\n" + extraHeaders
            + "MIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + body.length + 2];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }
}

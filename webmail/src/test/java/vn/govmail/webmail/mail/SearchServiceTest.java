package vn.govmail.webmail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.govmail.webmail.api.SearchClient;
import vn.govmail.webmail.api.UserApiSession;

/**
 * The search service with the mail server's search API (a loopback HTTP server answering like the mail server,
 * whose own side is SearchIT) and its IMAP fallback (GreenMail, which has no such API).
 */
class SearchServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** What the mail server answers (SearchIT checks the server side). */
    private static final String ANSWER = """
        {"offset":0,"limit":100,"more":false,"hits":[{"folder":"Archive","uid":42,"uidValidity":7,
        "from":"=?utf-8?B?VHLhuqduIFRo4buLIEI=?= <tranthib@demo.gov.vn>","subject":"Văn bản đến số 12","date":"2026-11-20T03:00:00Z",
        "size":2048,"flags":["\\\\Seen","\\\\Flagged"],"hasAttachment":true,"score":3.5,
        "snippet":"Đề nghị xem xét văn bản số 12 <script>","highlights":[[16,23]],"snippetHtml":"x"}]}""";

    @RegisterExtension
    static GreenMailExtension greenMail = GreenMailAccounts.server();

    private HttpServer api;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/govmail/me", this::handle);
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/govmail/me/session")) {
            reply(exchange, 201, "{\"token\":\"ust_1\",\"user\":\"a@demo.gov.vn\"}");
        } else if (path.equals("/govmail/me/search")) {
            queries.add(URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            reply(exchange, status.get(), status.get() == 200 ? ANSWER : "{\"message\":\"unavailable\"}");
        } else {
            reply(exchange, 404, "{\"message\":\"no route\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private SearchService service(MailAccount account) {
        UserApiSession session = new UserApiSession(HttpClient.newHttpClient(),
            URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/"), GreenMailAccounts.ALICE, "x".toCharArray());
        return new SearchService(account, new SearchClient(session, ZONE), clock);
    }

    @Test
    void oneApiCallSearchesEveryFolderWithSnippets() throws Exception {
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            List<SearchHit> hits = service(account).quickSearch("van ban");
            assertThat(queries).containsExactly("q=van ban&limit=50");
            assertThat(hits).hasSize(1);
            SearchHit hit = hits.get(0);
            assertThat(hit.folder()).isEqualTo("Archive");
            assertThat(hit.message().uid()).isEqualTo(42);
            assertThat(hit.message().from()).isEqualTo("Trần Thị B");
            assertThat(hit.message().seen()).isTrue();
            assertThat(hit.message().flagged()).isTrue();
            assertThat(hit.message().answered()).isFalse();
            assertThat(hit.message().hasAttachment()).isTrue();
            assertThat(hit.message().date()).isEqualTo(java.util.Date.from(Instant.parse("2026-11-20T03:00:00Z")));
            assertThat(hit.snippet().parts()).containsExactly(new SearchSnippet.Part("Đề nghị xem xét ", false),
                new SearchSnippet.Part("văn bản", true), new SearchSnippet.Part(" số 12 <script>", false));

            service(account).search(new SearchCriteria("tran", null, "số 12", null, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 20), true, "INBOX"));
            assertThat(queries.get(1)).isEqualTo("from=tran&subject=số 12&after=2026-10-31T17:00:00Z&before=2026-11-20T17:00:00Z"
                + "&hasAttachment=true&folder=INBOX&limit=50");
        }
    }

    @Test
    void imapSearchWhenTheApiCannotAnswerThenTheApiAgainAfterAMinute() throws Exception {
        greenMail.getUserManager().getUser(GreenMailAccounts.ALICE).deliver(mail("Van ban den so 7", "Noi dung"));
        status.set(503);
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            SearchService search = service(account);
            // GreenMail has no BODY search (BAD), so the fallback is shown with the subject
            SearchCriteria subject = new SearchCriteria(null, null, "so 7", null, null, null, false, null);
            List<SearchHit> hits = search.search(subject);
            assertThat(queries).hasSize(1);
            assertThat(hits).extracting(hit -> hit.message().subject()).containsExactly("Van ban den so 7");
            assertThat(hits.get(0).folder()).isEqualTo("INBOX");
            assertThat(hits.get(0).snippet()).isNull();

            assertThat(search.search(subject)).hasSize(1);
            assertThat(queries).as("left alone for a minute").hasSize(1);

            status.set(200);
            clock.now = clock.now.plusSeconds(61);
            assertThat(search.quickSearch("so 7")).extracting(SearchHit::folder).containsExactly("Archive");
            assertThat(queries).hasSize(2);

            assertThat(search.search(new SearchCriteria(null, null, null, null, null, null, true, null)))
                .as("attachments only: IMAP answers").isEmpty();
            assertThat(queries).hasSize(2);
        }
    }

    @Test
    void aRefusedSearchFallsBackToImapButTheApiStaysOnForTheNextOne() throws Exception {
        greenMail.getUserManager().getUser(GreenMailAccounts.ALICE).deliver(mail("Van ban den so 8", "Noi dung"));
        status.set(400);
        try (MailAccount account = GreenMailAccounts.login(greenMail, GreenMailAccounts.ALICE)) {
            SearchService search = service(account);
            SearchCriteria subject = new SearchCriteria(null, null, "so 8", null, null, null, false, null);
            assertThat(search.search(subject)).extracting(hit -> hit.message().subject()).containsExactly("Van ban den so 8");
            assertThat(queries).hasSize(1);

            status.set(200);
            assertThat(search.quickSearch("so 8")).as("asked again at once").extracting(SearchHit::folder).containsExactly("Archive");
            assertThat(queries).hasSize(2);
        }
        assertThat(SearchService.apiDown(0)).isTrue();
        assertThat(SearchService.apiDown(503)).isTrue();
        assertThat(SearchService.apiDown(401)).isTrue();
        assertThat(SearchService.apiDown(404)).isFalse();
    }

    private static MimeMessage mail(String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("x@example.org"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(GreenMailAccounts.ALICE));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

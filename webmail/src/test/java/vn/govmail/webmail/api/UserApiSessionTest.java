package vn.govmail.webmail.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govmail.webmail.mail.AddressSuggestions;

/**
 * The client side of the user API against a small loopback HTTP server that behaves like the mail server's
 * (the real server is exercised by the mail-server's AccountPolicyIT and the webmail's end-to-end tests).
 */
class UserApiSessionTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private volatile String validToken = "";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/govmail/me", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requests.add(line);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (line.equals("POST /govmail/me/session")) {
            if (!body.contains("\"password\":\"dung-roi\"")) {
                reply(exchange, 401, "{\"message\":\"Wrong user name or password\"}");
                return;
            }
            validToken = "ust_" + sessionsOpened.incrementAndGet();
            reply(exchange, 201, "{\"token\":\"" + validToken + "\",\"user\":\"a@demo.gov.vn\"}");
        } else if (!("Bearer " + validToken).equals(auth)) {
            reply(exchange, 401, "{\"message\":\"unknown token\"}");
        } else if (line.equals("GET /govmail/me/missing")) {
            reply(exchange, 404, "{\"message\":\"Không tìm thấy\"}");
        } else if (line.equals("GET /govmail/me/directory")) {
            // what the mail server answers for q=tran (OrganisationIT checks the server side)
            reply(exchange, 200, "[{\"address\":\"tranthib@demo.gov.vn\",\"name\":\"Trần Thị B\",\"unit\":\"Sở Nội vụ/Văn phòng\","
                + "\"title\":\"Trưởng phòng\",\"kind\":\"person\"},"
                + "{\"address\":\"tranghoa@demo.gov.vn\",\"name\":null,\"unit\":null,\"title\":null,\"kind\":\"group\"}]");
        } else if (line.equals("DELETE /govmail/me/session")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            reply(exchange, 200, "{\"user\":\"a@demo.gov.vn\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private UserApiSession session(String password) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new UserApiSession(HttpClient.newHttpClient(), base, "a@demo.gov.vn", password.toCharArray());
    }

    @Test
    void opensOneSessionAndReusesItsToken() throws Exception {
        try (UserApiSession api = session("dung-roi")) {
            assertThat(api.get("govmail/me").path("user").asString()).isEqualTo("a@demo.gov.vn");
            assertThat(api.get("govmail/me").path("user").asString()).isEqualTo("a@demo.gov.vn");
        }
        assertThat(requests).containsExactly("POST /govmail/me/session", "GET /govmail/me", "GET /govmail/me", "DELETE /govmail/me/session");
    }

    @Test
    void opensANewSessionOnceWhenTheServerForgotTheOldOne() throws Exception {
        try (UserApiSession api = session("dung-roi")) {
            api.get("govmail/me");
            validToken = "after-restart"; // the server restarted: the old token is unknown now
            sessionsOpened.set(41);
            assertThat(api.get("govmail/me").path("user").asString()).isEqualTo("a@demo.gov.vn");
        }
        assertThat(sessionsOpened.get()).isEqualTo(42);
    }

    @Test
    void errorsCarryTheServersStatusAndMessage() {
        try (UserApiSession api = session("dung-roi")) {
            assertThatThrownBy(() -> api.get("govmail/me/missing")).isInstanceOf(PlatformApiException.class)
                .hasMessage("Không tìm thấy").extracting(e -> ((PlatformApiException) e).status()).isEqualTo(404);
        }
        try (UserApiSession api = session("sai")) {
            assertThatThrownBy(() -> api.get("govmail/me")).isInstanceOf(PlatformApiException.class)
                .hasMessageContaining("Wrong user name or password");
        }
    }

    @Test
    void composeSuggestionsMergeRecentContactsWithTheDirectory() {
        try (UserApiSession api = session("dung-roi")) {
            DirectoryClient directory = new DirectoryClient(api);
            AddressSuggestions suggestions = new AddressSuggestions(
                () -> List.of("Trần Thị B <tranthib@demo.gov.vn>", "Trương Văn C <truongc@example.org>", "khac@example.org"), directory::search);
            List<AddressSuggestions.Suggestion> found = suggestions.suggest("tr", 10);
            assertThat(found).extracting(AddressSuggestions.Suggestion::address)
                .as("recent contacts first, the directory after, one row per address; 'tr' without diacritics finds 'Trần'")
                .containsExactly("tranthib@demo.gov.vn", "truongc@example.org", "tranghoa@demo.gov.vn");
            assertThat(found.get(0).details()).as("the directory row replaces the recent one: it knows unit and title")
                .isEqualTo("Sở Nội vụ/Văn phòng · Trưởng phòng");
            assertThat(found.get(0).label()).as("quoted: a name may hold a comma").isEqualTo("\"Trần Thị B\" <tranthib@demo.gov.vn>");
            assertThat(found.get(2).kind()).isEqualTo("group");
            assertThat(found.get(2).label()).isEqualTo("tranghoa@demo.gov.vn");
        }
        assertThat(requests).contains("GET /govmail/me/directory");
        server.stop(0);
        try (UserApiSession api = session("dung-roi")) {
            AddressSuggestions offline = new AddressSuggestions(() -> List.of("Trần Thị B <tranthib@demo.gov.vn>"), new DirectoryClient(api)::search);
            assertThat(offline.suggest("tran thi", 10)).as("without the mail server's API the recent contacts still come")
                .extracting(AddressSuggestions.Suggestion::address).containsExactly("tranthib@demo.gov.vn");
        }
    }

    @Test
    void anUnreachableServerIsStatusZeroWithAReadableMessage() {
        server.stop(0);
        try (UserApiSession api = session("dung-roi")) {
            assertThatThrownBy(() -> api.get("govmail/me")).isInstanceOf(PlatformApiException.class)
                .hasMessageContaining("cannot be reached").extracting(e -> ((PlatformApiException) e).status()).isEqualTo(0);
        }
    }
}

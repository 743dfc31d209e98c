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
    void anUnreachableServerIsStatusZeroWithAReadableMessage() {
        server.stop(0);
        try (UserApiSession api = session("dung-roi")) {
            assertThatThrownBy(() -> api.get("govmail/me")).isInstanceOf(PlatformApiException.class)
                .hasMessageContaining("cannot be reached").extracting(e -> ((PlatformApiException) e).status()).isEqualTo(0);
        }
    }
}

package vn.govmail.webmail.admin;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.api.UserApiSession;

/**
 * The admin console's services against a loopback HTTP server answering like the mail server's admin routes (the
 * real routes and their authorization: mail-server {@code AdminConsoleIT}; the whole path in Chromium:
 * {@code WebmailEndToEndIT}). Each test checks the requests sent (method, decoded path and query, body) and how the
 * answers are read.
 */
class AdminServicesTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private UserApiSession api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        api = new UserApiSession(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
            "postmaster@demo.gov.vn", "Govmail@2026".toCharArray());
    }

    @AfterEach
    void stop() {
        api.close();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        String line = exchange.getRequestMethod() + " " + uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
        if (line.equals("POST /govmail/me/session")) {
            reply(exchange, 201, "{\"token\":\"ust_x\",\"user\":\"postmaster@demo.gov.vn\"}");
            return;
        }
        requests.add(line + (body.isEmpty() ? "" : " " + body));
        reply(exchange, statuses.getOrDefault(line, 200), answers.getOrDefault(line, "{}"));
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void createsAnAccountWithAGeneratedPasswordFoldersAndProfile() throws Exception {
        statuses.put("PUT /users/lovanmoi@demo.gov.vn", 204);
        String password = new AccountAdminService(api).create(
            new AccountAdminService.NewAccount(" lovanmoi@demo.gov.vn ", "Lò Văn Mới", "Chuyên viên", "Sở Nội vụ/Văn phòng"));
        assertThat(password).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}");
        assertThat(requests).containsExactly(
            "PUT /users/lovanmoi@demo.gov.vn {\"password\":\"" + password + "\"}",
            "POST /govmail/users/lovanmoi@demo.gov.vn/folders",
            "PUT /govmail/users/lovanmoi@demo.gov.vn/profile {\"displayName\":\"Lò Văn Mới\",\"title\":\"Chuyên viên\",\"unit\":\"Sở Nội vụ/Văn phòng\"}");
    }

    @Test
    void aRefusalStopsTheCreationAndCarriesTheServersMessage() {
        statuses.put("PUT /users/tranthib@demo.gov.vn", 409);
        answers.put("PUT /users/tranthib@demo.gov.vn", "{\"statusCode\":409,\"message\":\"User tranthib@demo.gov.vn already exists\"}");
        assertThatThrownBy(() -> new AccountAdminService(api).create(new AccountAdminService.NewAccount("tranthib@demo.gov.vn", "B", "", "")))
            .isInstanceOf(PlatformApiException.class).hasMessage("User tranthib@demo.gov.vn already exists")
            .extracting(e -> ((PlatformApiException) e).status()).isEqualTo(409);
        assertThat(requests).hasSize(1);
    }

    @Test
    void readsAPageOfAccountsAndTheQuota() throws Exception {
        answers.put("GET /govmail/accounts?offset=50&limit=50&domain=demo.gov.vn&q=trần thị", """
            {"total":51,"offset":50,"accounts":[{"address":"tranthib@demo.gov.vn","displayName":"Trần Thị B","title":null,
            "unit":"Sở Nội vụ","disabled":true,"administrator":false,"storageBytes":2048,"messages":3}]}""");
        AccountAdminService.AccountPage page = new AccountAdminService(api).accounts("demo.gov.vn", " trần thị ", 50, 50);
        assertThat(page.total()).isEqualTo(51);
        assertThat(page.accounts()).containsExactly(
            new AccountAdminService.Account("tranthib@demo.gov.vn", "Trần Thị B", "", "Sở Nội vụ", true, false, 2048, 3));

        answers.put("GET /quota/users/tranthib@demo.gov.vn", """
            {"global":{"size":1073741824},"computed":{"size":2147483648,"count":500000},"occupation":{"size":2048,"count":3}}""");
        assertThat(new AccountAdminService(api).quota("tranthib@demo.gov.vn"))
            .isEqualTo(new AccountAdminService.Quota(2147483648L, 2048, 3));
        answers.put("GET /quota/users/vanthu@demo.gov.vn", "{\"computed\":{},\"occupation\":{\"size\":0,\"count\":0}}");
        assertThat(new AccountAdminService(api).quota("vanthu@demo.gov.vn").storageLimit()).as("no limit: unlimited").isNull();
    }

    @Test
    void changesStateLimitAndPassword() throws Exception {
        AccountAdminService accounts = new AccountAdminService(api);
        accounts.setDisabled("a@demo.gov.vn", true);
        accounts.setDisabled("a@demo.gov.vn", false);
        accounts.setStorageLimit("a@demo.gov.vn", StorageSize.parse("2G"));
        accounts.setStorageLimit("a@demo.gov.vn", null);
        String password = accounts.resetPassword("a@demo.gov.vn");
        accounts.addDomain(" xa.laichau.gov.vn ");
        answers.put("GET /govmail/me", "{\"user\":\"postmaster@demo.gov.vn\",\"administrator\":true}");
        assertThat(accounts.isAdministrator()).isTrue();
        answers.put("GET /domains", "[\"demo.gov.vn\",\"laichau.gov.vn\"]");
        assertThat(accounts.domains()).containsExactly("demo.gov.vn", "laichau.gov.vn");
        assertThat(requests).startsWith(
            "POST /govmail/users/a@demo.gov.vn/disable",
            "POST /govmail/users/a@demo.gov.vn/enable",
            "PUT /quota/users/a@demo.gov.vn/size 2147483648",
            "DELETE /quota/users/a@demo.gov.vn/size",
            "POST /govmail/users/a@demo.gov.vn/reset-password {\"password\":\"" + password + "\"}",
            "PUT /domains/xa.laichau.gov.vn");
    }

    @Test
    void aliasesAndGroupMembers() throws Exception {
        AddressAdminService addresses = new AddressAdminService(api);
        answers.put("GET /address/aliases/a@demo.gov.vn", "[{\"source\":\"vanthu.cu@demo.gov.vn\"}]");
        assertThat(addresses.aliasesOf("a@demo.gov.vn")).containsExactly("vanthu.cu@demo.gov.vn");
        addresses.addAlias("b@demo.gov.vn", "a@demo.gov.vn");
        addresses.removeAlias("b@demo.gov.vn", "a@demo.gov.vn");
        answers.put("GET /govmail/groups", "[{\"address\":\"lanhdao@demo.gov.vn\",\"displayName\":\"Lãnh đạo\",\"senderPolicy\":\"members\"}]");
        answers.put("GET /govmail/groups/toanthe@demo.gov.vn", """
            {"address":"toanthe@demo.gov.vn","members":[{"kind":"unit","member":"Sở Nội vụ","unitId":3,"includeSubunits":true}]}""");
        assertThat(addresses.members("toanthe@demo.gov.vn")).containsExactly(new AddressAdminService.Member("unit", "Sở Nội vụ"));
        addresses.addMember("toanthe@demo.gov.vn", "LANHDAO@demo.gov.vn");
        addresses.addMember("toanthe@demo.gov.vn", "a@demo.gov.vn");
        addresses.removeMember("toanthe@demo.gov.vn", new AddressAdminService.Member("unit", "Sở Nội vụ"));
        addresses.createGroup("moi@demo.gov.vn", "Nhóm mới");
        assertThat(requests).contains(
            "PUT /address/aliases/a@demo.gov.vn/sources/b@demo.gov.vn",
            "DELETE /address/aliases/a@demo.gov.vn/sources/b@demo.gov.vn",
            "POST /govmail/groups/toanthe@demo.gov.vn/members {\"group\":\"LANHDAO@demo.gov.vn\"}",
            "POST /govmail/groups/toanthe@demo.gov.vn/members {\"user\":\"a@demo.gov.vn\"}",
            "DELETE /govmail/groups/toanthe@demo.gov.vn/members?unit=Sở Nội vụ",
            "PUT /govmail/groups/moi@demo.gov.vn {\"displayName\":\"Nhóm mới\",\"senderPolicy\":\"anyone\"}");
    }

    @Test
    void quarantineAndReports() throws Exception {
        OversightService oversight = new OversightService(api);
        answers.put("GET /govmail/quarantine?domain=demo.gov.vn", """
            [{"key":"q 1","sender":"x@example.org","from":"X <x@example.org>","recipients":["a@demo.gov.vn"],"subject":"Hóa đơn",
              "score":"9.5","reasons":["macro"],"quarantinedAt":"2026-11-22T01:02:03Z"}]""");
        List<OversightService.HeldMail> held = oversight.quarantine("demo.gov.vn");
        assertThat(held).hasSize(1);
        assertThat(held.get(0).recipients()).containsExactly("a@demo.gov.vn");
        assertThat(held.get(0).quarantinedAt()).hasToString("2026-11-22T01:02:03Z");
        oversight.release("q 1");
        oversight.delete("q 1");
        answers.put("GET /govmail/reports/units?domain=demo.gov.vn",
            "[{\"unit\":\"Sở Nội vụ\",\"accounts\":4,\"active30Days\":2,\"storageBytes\":4096,\"messages\":7}]");
        assertThat(oversight.units("demo.gov.vn")).containsExactly(new OversightService.UsageRow("Sở Nội vụ", 4, 2, 4096, 7));
        answers.put("GET /govmail/reports/top?limit=20", "[{\"username\":\"a@demo.gov.vn\",\"displayName\":null,\"unit\":\"(no unit)\","
            + "\"storageBytes\":10,\"messages\":1,\"lastLogin\":null}]");
        assertThat(oversight.largest("", 20)).containsExactly(new OversightService.Mailbox("a@demo.gov.vn", "", "(no unit)", 10, 1, ""));
        assertThat(requests).contains("POST /govmail/quarantine/q 1/release", "DELETE /govmail/quarantine/q 1");
    }

    @Test
    void sizesAndPasswords() {
        assertThat(StorageSize.parse("500M")).isEqualTo(500L << 20);
        assertThat(StorageSize.parse(" 2 gb ")).isEqualTo(2L << 30);
        assertThat(StorageSize.parse("1024")).isEqualTo(1024);
        assertThatThrownBy(() -> StorageSize.parse("1,5 GB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageSize.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(StorageSize.format(3L << 29)).isEqualTo("1.5 GB");
        assertThat(StorageSize.format(320L << 20)).isEqualTo("320 MB");
        for (int i = 0; i < 200; i++) {
            assertThat(InitialPassword.generate()).matches("(?=.*[A-Z])(?=.*[a-z])(?=.*[2-9])[A-Za-z2-9-]{14}").doesNotContain("0", "1", "l", "I", "O");
        }
    }
}

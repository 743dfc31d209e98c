package vn.govmail.mailserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webmail's admin console on the server side: a user-API session of an administrator (the demo postmaster, made
 * one at start; others through {@code govmail admin admins}) may call the console's admin routes and is audited as
 * itself; an ordinary user's session gets 403 there; a removed administrator loses access at its next request. The
 * role ends with a deleted account (a new account at the same address is not an administrator) and moves with a
 * renamed one; the console cannot set a password with James's {@code PUT /users/{user}?force}; a session token is
 * refused on a request URI with encoded slashes or dots or empty or dot segments.
 */
class AdminConsoleIT {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String NEW_PASSWORD = "Mat-khau-Moi-2026";
    private static MailServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MailServerProcess.startEmbedded("console");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void anAdministratorsSessionManagesAccountsAndIsAuditedAsItself() throws Exception {
        String postmaster = MailServerProcess.demoUser("postmaster");
        assertThat(server.log()).as("the banner names the demo administrator").contains(postmaster + "   (administrator");
        String admin = session(postmaster);
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, admin).body()).contains("\"administrator\":true");

        HttpResponse<String> page = AdminApi.call(server, "GET", "govmail/accounts?domain=demo.gov.vn&q=TRAN&limit=5", null, admin);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("tranthib@demo.gov.vn").doesNotContain("nguyenvana@demo.gov.vn");

        String created = MailServerProcess.demoUser("canbo.moi");
        assertThat(AdminApi.call(server, "PUT", "users/" + created, "{\"password\":\"Mat-khau-Cap-2026\"}", admin).statusCode()).isEqualTo(204);
        assertThat(AdminApi.call(server, "POST", "govmail/users/" + created + "/folders", null, admin).statusCode()).isEqualTo(200);
        assertThat(AdminApi.call(server, "POST", "govmail/units", "{\"path\":\"Sở Nội vụ\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> profile = AdminApi.call(server, "PUT", "govmail/users/" + created + "/profile",
            "{\"displayName\":\"Lò Văn Mới\",\"title\":\"Chuyên viên\",\"unit\":\"Sở Nội vụ\"}", admin);
        assertThat(profile.statusCode()).as(profile.body()).isBetween(200, 204);
        assertThat(AdminApi.call(server, "GET", "govmail/accounts?q=lo%20van%20moi", null, admin).body())
            .contains(created, "Chuyên viên", "Sở Nội vụ", "\"disabled\":false");
        try (Store store = MailClients.imaps().getStore("imaps")) {
            store.connect("127.0.0.1", server.imapsPort, created, "Mat-khau-Cap-2026");
            assertThat(store.getFolder("Sent").exists()).isTrue();
        }
        assertThat(AdminApi.call(server, "POST", "govmail/users/" + created + "/disable", null, admin).statusCode()).isEqualTo(200);
        assertThat(AdminApi.call(server, "GET", "govmail/accounts?q=canbo.moi", null, admin).body()).contains("\"disabled\":true");

        String audit = AdminApi.call(server, "GET", "govmail/audit?limit=20&path=canbo.moi", null).body();
        assertThat(audit).contains("admin:" + postmaster).contains("/govmail/users/" + created + "/disable");

        // Outside the console's routes the session is refused, whatever the role: the admin token keeps those.
        assertThat(AdminApi.call(server, "PUT", "govmail/administrators/" + created, null, admin).statusCode()).isEqualTo(403);
        assertThat(AdminApi.call(server, "DELETE", "users/" + created, null, admin).statusCode()).isEqualTo(403);
        assertThat(AdminApi.call(server, "GET", "govmail/audit", null, admin).statusCode()).isEqualTo(403);
        assertThat(AdminApi.call(server, "DELETE", "govmail/quarantine/no-such-key", null, admin).statusCode()).isEqualTo(404);
    }

    @Test
    void anOrdinaryUsersSessionIsRefusedAndTheRoleTakesEffectAtOnce() throws Exception {
        String user = MailServerProcess.demoUser("nguyenvana");
        String token = session(user);
        HttpResponse<String> refused = AdminApi.call(server, "GET", "govmail/accounts", null, token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("A user session may only use /govmail/me");
        assertThat(AdminApi.call(server, "PUT", "users/" + MailServerProcess.demoUser("intruder"), "{\"password\":\"Mat-khau-Cap-2026\"}", token)
            .statusCode()).isEqualTo(403);
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, token).body()).contains("\"administrator\":false");

        ExternalCommand added = server.cli("admins", "add", user);
        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(added.output()).contains("is now an administrator");
        assertThat(server.cli("admins", "list").output()).contains(user, MailServerProcess.demoUser("postmaster"));
        assertThat(AdminApi.call(server, "GET", "govmail/accounts", null, token).statusCode()).as("the same session, now an admin's").isEqualTo(200);

        assertThat(server.cli("admins", "remove", user).exitCode()).isZero();
        assertThat(AdminApi.call(server, "GET", "govmail/accounts", null, token).statusCode()).as("removed: refused at once").isEqualTo(403);
        assertThat(server.cli("admins", "list").output()).doesNotContain(user);
        assertThat(AdminApi.call(server, "GET", "govmail/administrators/" + user, null).statusCode()).isEqualTo(404);

        ExternalCommand unknown = server.cli("admins", "add", MailServerProcess.demoUser("nobody"));
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("does not exist");
        assertThat(server.cli("admins", "add").exitCode()).isEqualTo(2);
        String rest = AdminApi.call(server, "PUT", "govmail/administrators/" + user, null).statusCode() + " "
            + AdminApi.call(server, "PUT", "govmail/administrators/" + user, null).statusCode() + " "
            + AdminApi.call(server, "DELETE", "govmail/administrators/" + user, null).statusCode();
        assertThat(rest).isEqualTo("201 200 204");
    }

    @Test
    void theRoleEndsWithTheDeletedAccountAndDoesNotPassToANewOneAtTheSameAddress() throws Exception {
        String address = MailServerProcess.demoUser("vanthu.cu");
        createAdministrator(address);
        HttpResponse<String> planned = AdminApi.call(server, "DELETE", "govmail/users/" + address, null);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(409);
        Matcher confirm = Pattern.compile("\"confirm\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(planned.body());
        assertThat(confirm.find()).as(planned.body()).isTrue();
        HttpResponse<String> deleted = AdminApi.call(server, "DELETE", "govmail/users/" + address + "?confirm=" + confirm.group(1), null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(AdminApi.call(server, "GET", "govmail/administrators/" + address, null).statusCode()).isEqualTo(404);

        // The address is given to someone else: their session is an ordinary user's.
        assertThat(AdminApi.call(server, "PUT", "users/" + address, "{\"password\":\"" + NEW_PASSWORD + "\"}").statusCode()).isEqualTo(204);
        String newcomer = session(address, NEW_PASSWORD);
        assertThat(AdminApi.call(server, "GET", "govmail/accounts", null, newcomer).statusCode()).isEqualTo(403);
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, newcomer).body()).contains("\"administrator\":false");
        assertThat(server.cli("admins", "list").output()).doesNotContain(address);
    }

    @Test
    void theRoleMovesWithARenamedAccount() throws Exception {
        String before = MailServerProcess.demoUser("truongphong.a");
        String after = MailServerProcess.demoUser("truongphong.b");
        createAdministrator(before);
        HttpResponse<String> renamed = AdminApi.call(server, "POST", "govmail/users/" + before + "/rename/" + after,
            "{\"password\":\"" + NEW_PASSWORD + "\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

        assertThat(AdminApi.call(server, "GET", "govmail/administrators/" + after, null).statusCode()).isEqualTo(200);
        assertThat(AdminApi.call(server, "GET", "govmail/administrators/" + before, null).statusCode()).isEqualTo(404);
        assertThat(server.cli("admins", "list").output()).contains(after).doesNotContain(before);
        String renamedSession = session(after, NEW_PASSWORD);
        assertThat(AdminApi.call(server, "GET", "govmail/accounts", null, renamedSession).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorsSessionCannotSetAPasswordPastTheSessionEndingRoute() throws Exception {
        String admin = session(MailServerProcess.demoUser("postmaster"));
        String user = MailServerProcess.demoUser("tranthib");
        String userSession = session(user);
        HttpResponse<String> forced = AdminApi.call(server, "PUT", "users/" + user + "?force", "{\"password\":\"" + NEW_PASSWORD + "\"}", admin);
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(403);
        assertThat(forced.body()).contains("reset-password");
        assertThat(AdminApi.call(server, "GET", "govmail/me", null, userSession).statusCode()).as("password unchanged, session open").isEqualTo(200);
        session(user); // the old password still opens one
        // Without ?force James's route only creates: an existing account is a conflict, its password untouched.
        assertThat(AdminApi.call(server, "PUT", "users/" + user, "{\"password\":\"" + NEW_PASSWORD + "\"}", admin).statusCode()).isEqualTo(409);
    }

    @Test
    void aSessionTokenIsRefusedOnAPathThatRoutingAndTheScopeCheckCouldReadDifferently() throws Exception {
        String admin = session(MailServerProcess.demoUser("postmaster"));
        for (String path : new String[] {"govmail/me/..%2F..%2Fgovmail/audit", "govmail/me//session",
            "govmail/me/%2e%2e/%2e%2e/govmail/accounts", "govmail/accounts/%2E%2E"}) {
            HttpResponse<String> refused = AdminApi.call(server, "GET", path, null, admin);
            assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("may not use a path with an encoded");
        }
        assertThat(AdminApi.call(server, "GET", "govmail/accounts", null, admin).statusCode()).isEqualTo(200);
    }

    private static void createAdministrator(String address) throws Exception {
        assertThat(AdminApi.call(server, "PUT", "users/" + address, "{\"password\":\"" + MailServerProcess.PASSWORD + "\"}").statusCode())
            .isEqualTo(204);
        assertThat(AdminApi.call(server, "PUT", "govmail/administrators/" + address, null).statusCode()).isEqualTo(201);
        assertThat(AdminApi.call(server, "GET", "govmail/accounts", null, session(address)).statusCode()).isEqualTo(200);
    }

    private static String session(String user) throws Exception {
        return session(user, MailServerProcess.PASSWORD);
    }

    private static String session(String user, String password) throws Exception {
        HttpResponse<String> opened = AdminApi.call(server, "POST", "govmail/me/session",
            "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        Matcher token = TOKEN.matcher(opened.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}

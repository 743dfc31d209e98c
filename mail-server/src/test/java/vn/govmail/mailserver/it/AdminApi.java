package vn.govmail.mailserver.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** HTTP calls to a test server's WebAdmin, with its admin token unless told otherwise. */
final class AdminApi {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AdminApi() {
    }

    static HttpResponse<String> call(MailServerProcess server, String method, String path, String body) throws Exception {
        return call(server, method, path, body, server.adminToken());
    }

    static HttpResponse<String> call(MailServerProcess server, String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.adminUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

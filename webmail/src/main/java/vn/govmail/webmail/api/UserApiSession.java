package vn.govmail.webmail.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One logged-in user's calls to the mail server's user API ({@code /govmail/me/...}: directory, quarantine,
 * documents). The session token is opened with the user's mail credentials at the first call and opened again
 * once when the server answers 401 (it restarted, or the session idled out); the credentials stay in memory only,
 * like the IMAP ones.
 */
public final class UserApiSession implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String user;
    private final char[] password;
    private String token;

    public UserApiSession(HttpClient http, URI base, String user, char[] password) {
        this.http = http;
        this.base = base;
        this.user = user;
        this.password = password.clone();
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** GET of a JSON route, e.g. {@code get("govmail/me/directory?q=nguyen")}. */
    public JsonNode get(String path) throws PlatformApiException {
        return parse(send("GET", path, null, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    /** POST, PUT, PATCH or DELETE with an optional JSON body; returns the JSON answer (an empty object for none). */
    public JsonNode call(String method, String path, JsonNode body) throws PlatformApiException {
        return parse(send(method, path, body == null ? null : JSON.writeValueAsString(body), HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    /** GET of a binary resource (an attachment); the response carries the server's headers (type, name). */
    public HttpResponse<byte[]> download(String path) throws PlatformApiException {
        return send("GET", path, null, HttpResponse.BodyHandlers.ofByteArray());
    }

    private synchronized <T> HttpResponse<T> send(String method, String path, String body, HttpResponse.BodyHandler<T> handler)
            throws PlatformApiException {
        if (token == null) {
            token = openSession();
        }
        HttpResponse<T> response = exchange(request(method, path, body, token), handler);
        if (response.statusCode() == 401) {
            token = openSession();
            response = exchange(request(method, path, body, token), handler);
        }
        if (response.statusCode() >= 400) {
            throw new PlatformApiException(response.statusCode(), messageOf(response.body()));
        }
        return response;
    }

    private String openSession() throws PlatformApiException {
        ObjectNode credentials = object().put("user", user).put("password", new String(password));
        HttpResponse<byte[]> response = exchange(request("POST", "govmail/me/session", JSON.writeValueAsString(credentials), null),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201) {
            throw new PlatformApiException(response.statusCode(), messageOf(response.body()));
        }
        return parse(response.body()).path("token").asString();
    }

    private HttpRequest request(String method, String path, String body, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json; charset=UTF-8");
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws PlatformApiException {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new PlatformApiException("The mail server's API at " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformApiException("Interrupted while calling the mail server's API", e);
        }
    }

    private static JsonNode parse(byte[] body) throws PlatformApiException {
        if (body == null || body.length == 0) {
            return object();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new PlatformApiException(502, "The mail server's API answered something that is not JSON");
        }
    }

    private static String messageOf(Object body) {
        if (body instanceof byte[] bytes && bytes.length > 0) {
            try {
                JsonNode message = JSON.readTree(bytes).path("message");
                if (message.isString()) {
                    return message.asString();
                }
            } catch (RuntimeException e) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return "no details";
    }

    /** Ends the server-side session (logout) and forgets the credentials; failures are ignored. */
    @Override
    public synchronized void close() {
        try {
            if (token != null) {
                exchange(request("DELETE", "govmail/me/session", null, token), HttpResponse.BodyHandlers.discarding());
            }
        } catch (PlatformApiException ignored) {
            // the server-side session expires by itself
        } finally {
            token = null;
            Arrays.fill(password, '\0');
        }
    }
}

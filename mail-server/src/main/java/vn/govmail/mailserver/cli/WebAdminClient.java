package vn.govmail.mailserver.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP calls to the mail server's WebAdmin API, turning failures into {@link CliException}s that explain themselves. */
final class WebAdminClient {
    record Reply(int status, String body) {
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebAdminClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** HEAD: true for 2xx, false for 404; other failures are reported like any call. */
    boolean exists(String path) {
        Reply reply = exchange(HttpRequest.newBuilder(base.resolve(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (reply.status() == 404) {
            return false;
        }
        return check(reply) != null;
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
            .PUT(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply post(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Reply post(String path, String json) {
        return post(path, json, "application/json");
    }

    Reply post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Reply patch(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    /** DELETE where {@code expected} (e.g. 409, a confirmation request) is an answer to read, not a failure. */
    Reply deleteAllowing(String path, int expected) {
        Reply reply = exchange(HttpRequest.newBuilder(base.resolve(path)).DELETE());
        return reply.status() == expected ? reply : check(reply);
    }

    private Reply send(HttpRequest.Builder request) {
        return check(exchange(request));
    }

    private static Reply check(Reply reply) {
        if (reply.status() >= 400) {
            throw new CliException(1, describeError(reply));
        }
        return reply;
    }

    private Reply exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new CliException(3, "cannot reach the mail server's admin API at " + base
                + ": is the server running? (./govmail start; set GOVMAIL_ADMIN_PORT if it uses another port)");
        } catch (IOException e) {
            throw new CliException(3, "the admin API at " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(3, "interrupted");
        }
    }

    /** WebAdmin errors are JSON {@code {"message": ..., "details": ...}}; show those, not the raw body. */
    private static String describeError(Reply reply) {
        String message = JsonText.field(reply.body(), "message").orElse(reply.body().isBlank() ? "HTTP " + reply.status() : reply.body());
        String details = JsonText.field(reply.body(), "details").map(d -> " (" + d + ")").orElse("");
        return message + details;
    }
}

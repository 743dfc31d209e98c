package vn.govmail.webmail.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged govmail mail server (../mail-server/target, built earlier in the reactor) as its own JVM on
 * free loopback ports with a fresh data directory: the server the webmail runs against in production.
 */
final class MailServerLauncher implements AutoCloseable {
    static final String PASSWORD = "E2e-Passw0rd!";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    final Path data;
    final int smtpPort;
    final int submissionPort;
    final int imapPort;
    final int manageSievePort;
    /** WebAdmin: the admin API (token in data/admin-token) and the user API the webmail calls. */
    final int adminPort;
    private final Process process;
    private final Path log;

    private MailServerLauncher(Path work) throws IOException {
        data = work.resolve("data");
        smtpPort = freePort();
        submissionPort = freePort();
        imapPort = freePort();
        manageSievePort = freePort();
        adminPort = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("GOVMAIL_DATA", data.toString());
        env.put("GOVMAIL_BIND", "127.0.0.1");
        env.put("GOVMAIL_SMTP_PORT", Integer.toString(smtpPort));
        env.put("GOVMAIL_SUBMISSION_PORT", Integer.toString(submissionPort));
        env.put("GOVMAIL_SMTPS_PORT", Integer.toString(freePort()));
        env.put("GOVMAIL_IMAP_PORT", Integer.toString(imapPort));
        env.put("GOVMAIL_IMAPS_PORT", Integer.toString(freePort()));
        env.put("GOVMAIL_MANAGESIEVE_PORT", Integer.toString(manageSievePort));
        env.put("GOVMAIL_ADMIN_PORT", Integer.toString(adminPort));
        env.put("GOVMAIL_DEMO_PASSWORD", PASSWORD);
        env.put("GOVMAIL_DNS_SERVERS", "127.0.0.1");
        // the spam filter's DNS at a closed local port: its DNS steps say "no opinion" at once, so verdicts (the
        // quarantine test's) come well within the SMTP budget
        env.put("GOVMAIL_SPAM_DNS_SERVER", "127.0.0.1");
        env.put("GOVMAIL_SPAM_DNS_PORT", Integer.toString(freePort()));
        env.put("GOVMAIL_SPAM_QUARANTINE_DIGEST_ENABLED", "false");
        log = work.resolve("mail-server.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx640m"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("govmail.serverJar") + File.pathSeparator + System.getProperty("govmail.libDir") + "/*",
            "vn.govmail.mailserver.GovmailMailServer"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        process = builder.start();
    }

    static MailServerLauncher start() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("govmail.workDir", "target/it-work"));
        Files.createDirectories(root);
        MailServerLauncher server = new MailServerLauncher(Files.createTempDirectory(root, "mail-server-"));
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (output.contains("govmail mail server is running")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("mail server exited:\n" + output);
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("mail server did not start in time; see " + log);
    }

    Path certificate() {
        return data.resolve("tls").resolve("selfsigned-cert.pem");
    }

    /** A call to the admin API (WebAdmin) with the token the server wrote into its data directory. */
    java.net.http.HttpResponse<String> admin(String method, String path, String body) throws IOException, InterruptedException {
        String token = Files.readString(data.resolve("admin-token"), StandardCharsets.UTF_8).strip();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + adminPort + "/" + path))
            .header("Authorization", "Bearer " + token)
            .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static String demoUser(String localPart) {
        return localPart + "@demo.gov.vn";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package vn.govmail.mailserver.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged govmail mail server running as a separate JVM on free loopback ports, the way an operator
 * runs it, so tests talk to it only over SMTP, IMAP and HTTP. Its console goes to {@code server.log} in the
 * instance's work directory, which is kept for inspection after a failure.
 */
public final class MailServerProcess implements AutoCloseable {
    public static final String DEMO_DOMAIN = "demo.gov.vn";
    public static final String PASSWORD = "Test-Passw0rd!";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String READY_LINE = "govmail mail server is running";

    private final Path workDirectory;
    private final Map<String, String> environment;
    public final int smtpPort;
    public final int submissionPort;
    public final int smtpsPort;
    public final int imapPort;
    public final int imapsPort;
    public final int adminPort;
    public final int manageSievePort;
    private Process process;
    private int starts;

    private MailServerProcess(Path workDirectory, Map<String, String> extraEnvironment) throws IOException {
        this.workDirectory = workDirectory;
        smtpPort = freePort();
        submissionPort = freePort();
        smtpsPort = freePort();
        imapPort = freePort();
        imapsPort = freePort();
        adminPort = freePort();
        manageSievePort = freePort();
        environment = new HashMap<>();
        environment.put("GOVMAIL_DATA", workDirectory.resolve("data").toString());
        environment.put("GOVMAIL_BIND", "127.0.0.1");
        environment.put("GOVMAIL_SMTP_PORT", Integer.toString(smtpPort));
        environment.put("GOVMAIL_SUBMISSION_PORT", Integer.toString(submissionPort));
        environment.put("GOVMAIL_SMTPS_PORT", Integer.toString(smtpsPort));
        environment.put("GOVMAIL_IMAP_PORT", Integer.toString(imapPort));
        environment.put("GOVMAIL_IMAPS_PORT", Integer.toString(imapsPort));
        environment.put("GOVMAIL_MANAGESIEVE_PORT", Integer.toString(manageSievePort));
        environment.put("GOVMAIL_ADMIN_PORT", Integer.toString(adminPort));
        environment.put("GOVMAIL_DEMO_PASSWORD", PASSWORD);
        environment.put("GOVMAIL_DNS_SERVERS", "127.0.0.1");
        environment.putAll(extraEnvironment);
    }

    /** A server on the embedded PostgreSQL in a fresh data directory. */
    public static MailServerProcess startEmbedded(String name) throws IOException {
        return start(name, Map.of());
    }

    public static MailServerProcess start(String name, Map<String, String> environment) throws IOException {
        Path root = Path.of(System.getProperty("govmail.workDir", "target/it-work"));
        Files.createDirectories(root);
        // The ports are found free, released, then bound by the server a few seconds later: something else (the
        // server's own embedded PostgreSQL picks a random port too) may take one meanwhile. Then: new ports, again.
        for (int attempt = 1; ; attempt++) {
            Path work = Files.createTempDirectory(root, name + "-");
            MailServerProcess server = new MailServerProcess(work, environment);
            try {
                server.start();
                return server;
            } catch (IllegalStateException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    public synchronized void start() throws IOException {
        starts++;
        Path log = workDirectory.resolve("server-" + starts + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = packagedClasspath();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx768m"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // as ./govmail does: Guava/Netty inside James still use it
        }
        command.addAll(List.of("-cp", classpath, "vn.govmail.mailserver.GovmailMailServer"));
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains(READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The mail server exited during start-up (code " + process.exitValue() + "):\n" + tail(output));
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The mail server did not start within " + START_TIMEOUT.toSeconds() + "s:\n" + tail(Files.readString(log)));
    }

    /** SIGKILL: no shutdown hook runs, exactly like a power cut of the JVM. */
    public synchronized void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait: the clean shutdown an init system does. */
    public synchronized int stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return process == null ? 0 : process.exitValue();
        }
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("The mail server did not stop within 90s of SIGTERM");
        }
        return process.exitValue();
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    public String log() {
        try {
            return Files.readString(workDirectory.resolve("server-" + starts + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path workDirectory() {
        return workDirectory;
    }

    /** The token the server generated in its data directory on first start. */
    public String adminToken() {
        try {
            return Files.readString(workDirectory.resolve("data").resolve("admin-token"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code govmail admin ARGUMENTS} (the packaged CLI, as its own process) against this server. */
    public ExternalCommand cli(String... arguments) throws IOException, InterruptedException {
        return ExternalCommand.run(cliCommand(List.of(arguments), adminUrl(), adminToken()));
    }

    /** The command line of the packaged CLI aimed at any admin URL with any token (to test failures too). */
    static List<String> cliCommand(List<String> arguments, String adminUrl, String token) {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
            "-cp", packagedClasspath(), "-Dgovmail.admin.url=" + adminUrl, "-Dgovmail.admin.token=" + token,
            "vn.govmail.mailserver.cli.GovmailCli"));
        command.addAll(arguments);
        return command;
    }

    private static String packagedClasspath() {
        return System.getProperty("govmail.serverJar") + File.pathSeparator + System.getProperty("govmail.libDir") + "/*";
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort + "/";
    }

    public static String demoUser(String localPart) {
        return localPart + "@" + DEMO_DOMAIN;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

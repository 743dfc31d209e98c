package vn.govmail.spamfilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import vn.govmail.spamfilter.clamav.ClamdClient;

/**
 * A real clamd (Debian clamav-daemon) for tests, in a temp directory with a Unix socket and a one-line
 * signature database of our own (signature downloads are impossible here): an MD5 signature of EICAR.
 */
final class ClamdProcess implements AutoCloseable {
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final String SIGNATURE = "Govmail.Test.EICAR";
    private static final Path CLAMD = Path.of("/usr/sbin/clamd");

    private final Path directory;
    private final Process process;
    private final Path socket;

    ClamdProcess() throws Exception {
        if (!Files.isExecutable(CLAMD)) {
            throw new IllegalStateException("clamd is missing: install Debian clamav-daemon (.ci/run does)");
        }
        directory = Files.createTempDirectory("clamd");
        Path database = Files.createDirectories(directory.resolve("db"));
        byte[] eicar = EICAR.getBytes(StandardCharsets.US_ASCII);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(eicar));
        Files.writeString(database.resolve("govmail-test.hdb"), md5 + ":" + eicar.length + ":" + SIGNATURE + "\n");
        socket = directory.resolve("clamd.sock");
        Path config = directory.resolve("clamd.conf");
        Files.writeString(config, String.join("\n",
                "LocalSocket " + socket, "DatabaseDirectory " + database, "Foreground yes", "TemporaryDirectory " + directory,
                "LogFile " + directory.resolve("clamd.log"), "PidFile " + directory.resolve("clamd.pid"), ""));
        process = new ProcessBuilder(CLAMD.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("clamd.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!client().ping()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.exists(directory.resolve("clamd.out")) ? Files.readString(directory.resolve("clamd.out")) : "";
                close();
                throw new IllegalStateException("clamd did not start: " + log);
            }
            Thread.sleep(50);
        }
    }

    Path socket() {
        return socket;
    }

    ClamdClient client() {
        return ClamdClient.unixSocket(socket, Duration.ofSeconds(5));
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
